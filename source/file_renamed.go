package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"connlog/model"
)

// NoteRenamedUnread marks a gap counting the bytes a renamed-away file
// grew by after connlog moved to the file that took its place, which
// could not be read.
const NoteRenamedUnread = model.GapRotatedUnread

// renamedFile is the file connlog moved away from at the last switch (a
// rename rotation, a delete and re-create). Its writer appends to it until
// it reopens the path, which a busy machine or a late postrotate signal
// can put after the grace: it stays open, and what it grows by is read at
// every poll until the next switch (or the end), even once it was
// compressed and removed. The descriptor is its own: the generation's is
// closed at once for a stream-only source, or moved to the spill file.
type renamedFile struct {
	file *os.File
	info fs.FileInfo
	pos  int64       // the file position read up to
	fp   fingerprint // of what was read of it, for its generation
}

// keepRenamed keeps the file being left open as the renamed file, in
// place of the one before (read one last time by the caller). Without a
// descriptor to spare, it is not watched: lines its writer appends later
// are not read, as before this watch existed.
func (t *tailer) keepRenamed() {
	t.dropRenamed()
	f, err := dupFile(t.cur.file)
	if err != nil {
		return
	}
	t.renamed = &renamedFile{file: f, info: t.curInfo, pos: t.pos}
	t.renamed.fp.copyFrom(&t.fp)
	t.tellAside()
}

// is reports whether fi is the renamed file (a file already read, never
// the copy of another); false without one.
func (rn *renamedFile) is(fi fs.FileInfo) bool {
	return rn != nil && os.SameFile(rn.info, fi)
}

// dropRenamed closes the renamed file.
func (t *tailer) dropRenamed() {
	if t.renamed != nil {
		t.renamed.file.Close()
		t.renamed = nil
		t.tellAside()
	}
}

// readLateGrowth reads what the renamed file grew by since it was last
// read, as a stretch of its own after everything read so far; the file
// being read goes on after it in a stretch of its own (see generation),
// so that logical offsets keep growing and every line can be re-read.
// A line the file being read holds unfinished is sent as partial first:
// the renamed file's lines must not join it.
func (t *tailer) readLateGrowth(ctx context.Context) error {
	rn := t.renamed
	if rn == nil {
		return nil
	}
	fi, err := rn.file.Stat()
	if err != nil {
		return nil // an open file can always be looked at; the next poll tries again
	}
	size := fi.Size()
	rn.pos = min(rn.pos, size) // cut since: read what it grows by next
	if size == rn.pos {
		return nil
	}
	now := time.Now()
	if err := t.framer.flush(now, NotePartialLine); err != nil {
		return err
	}
	late, cont, err := t.startLateStretch()
	if err != nil {
		return t.renamedUnreadGap(ctx, now, size-rn.pos, err)
	}
	readErr := t.readStretch(ctx, late, rn, size, now)
	if err := t.framer.flush(now, NotePartialLine); err != nil {
		return err
	}
	t.continueAfter(late, cont)
	if readErr != nil {
		return t.renamedUnreadGap(ctx, now, size-rn.pos, readErr)
	}
	return nil
}

// startLateStretch registers the renamed file's growth as a generation
// that begins where everything read so far ends, and returns it with the
// descriptor the file being read (if any) goes on with: taken first, as
// starting a generation closes the older ones' files for a stream-only
// source.
func (t *tailer) startLateStretch() (late *generation, cont *os.File, err error) {
	lateFile, err := dupFile(t.renamed.file)
	if err != nil {
		return nil, nil, err
	}
	if t.cur != nil {
		if cont, err = dupFile(t.cur.file); err != nil {
			lateFile.Close()
			return nil, nil, err
		}
	}
	end := t.nextBase
	if t.cur != nil {
		end = t.cur.base + t.pos
	}
	late, lost := t.src.gens.start(lateFile, t.renamed.info, end-t.renamed.pos, t.renamed.pos)
	t.lost += lost
	return late, cont, nil
}

// continueAfter has the file being read (if any) go on, from descriptor
// cont, in a generation of its own after the renamed file's stretch late.
func (t *tailer) continueAfter(late *generation, cont *os.File) {
	end := late.base + t.renamed.pos
	if t.cur == nil {
		t.nextBase = end
		return
	}
	var lost int64
	t.cur, lost = t.src.gens.start(cont, t.curInfo, end-t.pos, t.pos)
	t.lost += lost
}

// readStretch reads the renamed file from its read position to size into
// the generation late.
func (t *tailer) readStretch(ctx context.Context, late *generation, rn *renamedFile, size int64, now time.Time) error {
	for rn.pos < size && ctx.Err() == nil {
		chunk := make([]byte, min(size-rn.pos, readChunkBytes))
		n, err := rn.file.ReadAt(chunk, rn.pos)
		if n > 0 {
			off := late.base + rn.pos
			rn.fp.observe(chunk[:n], rn.pos)
			rn.pos += int64(n)
			t.src.gens.grow(late, rn.pos, int64(bytes.Count(chunk[:n], []byte{'\n'})), &rn.fp)
			if err := t.framer.feed(chunk[:n], off, now); err != nil {
				return err
			}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return readError(rn.file.Name(), err)
		}
		if n == 0 {
			return nil // it shrank meanwhile
		}
	}
	return ctx.Err()
}

// renamedUnreadGap counts in a gap the bytes the renamed file grew by that
// could not be read, and moves past them.
func (t *tailer) renamedUnreadGap(ctx context.Context, now time.Time, unread int64, cause error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	t.renamed.pos += unread
	note := fmt.Sprintf("%s (%v)", NoteRenamedUnread, cause)
	gap := model.Record{Source: t.src.id, Offset: -1, Received: now, Mark: model.MarkGap, Note: note, Count: unread}
	return t.batch.add(ctx, gap)
}

// tellAside tells the generations which files the reader holds open
// besides theirs: the renamed file and the queued ones, which a glob must
// not take for new logs.
func (t *tailer) tellAside() {
	var files []fs.FileInfo
	if t.renamed != nil {
		files = append(files, t.renamed.info)
	}
	for _, n := range t.next {
		files = append(files, n.info)
	}
	t.src.gens.holdsAside(files)
}
