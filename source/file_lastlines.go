package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"connlog/model"
)

// fromLast reports whether the file is read from its last lines (or its
// end) rather than whole (FileOptions.LastLines, FromEnd).
func (f *File) fromLast() bool { return f.opts.LastLines > 0 || f.opts.FromEnd }

// noLastLines is the error of last lines asked of a pipe, which has no end
// yet to count back from.
func (f *File) noLastLines() error {
	return fmt.Errorf("%s: -n reads the last lines of a file, and this one is a pipe, which has no end yet: "+
		"give connlog its lines through tail (… | tail -n N | connlog -)", f.path)
}

// isNamedPipe reports whether path is a named pipe now.
func isNamedPipe(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode()&os.ModeNamedPipe != 0
}

// lastLinesFrom returns where the read of file, of size bytes, begins:
// where its last lines begin (see FileOptions.LastLines), or its end.
func (f *File) lastLinesFrom(file *os.File, size int64) (int64, error) {
	if f.opts.FromEnd {
		return size, nil
	}
	start, err := lastLinesStart(file, size, f.opts.LastLines)
	if err != nil {
		return 0, err
	}
	return f.entryStartOf(file, start, size)
}

// lastLinesStart returns where the last n lines of the first size bytes of
// r begin, counted as tail -n counts them (a last line without its newline
// is a line), or 0 when r holds n lines or fewer.
func lastLinesStart(r io.ReaderAt, size int64, n int) (int64, error) {
	buf := make([]byte, lineSearchBytes)
	hi, last := size, true
	for hi > 0 {
		lo := max(hi-lineSearchBytes, 0)
		b := buf[:hi-lo]
		if k, err := r.ReadAt(b, lo); k < len(b) {
			return 0, shortRead(err)
		}
		if last && b[len(b)-1] == '\n' {
			b = b[:len(b)-1] // the last line's own newline ends no line before it
		}
		last = false
		if c := bytes.Count(b, newline); c < n {
			n -= c // the first of the lines begins further back: no need to find each newline here
			hi = lo
			continue
		}
		for i := len(b); ; {
			i = bytes.LastIndexByte(b[:i], '\n')
			if i < 0 {
				break
			}
			if n--; n == 0 {
				return lo + int64(i) + 1, nil
			}
		}
		hi = lo
	}
	return 0, nil
}

// entryStartOf returns start, a line start, moved back to the first line
// of the entry that holds it when PartStart says the line does not begin
// one (a JSON document, an indented block): at most partBlockMax back, and
// not at all when no line there begins an entry. A line that begins an
// entry stays the first, with a time of its own or not: the lines asked
// for are then exactly the last ones, as tail -n counts them.
func (f *File) entryStartOf(file *os.File, start, size int64) (int64, error) {
	if f.opts.PartStart == nil || start == 0 {
		return start, nil
	}
	nl, err := lineEndAfter(file, start, size)
	if err != nil {
		return 0, err
	}
	end := size // the file's last line, not yet ended
	if nl >= 0 {
		end = nl + 1
	}
	if begins, err := f.beginsEntry(file, start, end); err != nil || begins {
		return start, err
	}
	return f.entryStartBefore(file, end, start) // the line at start is a candidate
}

// beginsEntry reports whether the line at start, which ends at end (its
// newline included, if it has one), begins an entry, as PartStart tells
// from it and the line before it; false when the two are too long to ask
// about (the search back decides then).
func (f *File) beginsEntry(file *os.File, start, end int64) (bool, error) {
	prev, err := lineStartAtOrBefore(file, start-1)
	if err != nil {
		return false, err
	}
	if end-prev > partBlockMax {
		return false, nil
	}
	buf := make([]byte, end-prev)
	if k, err := file.ReadAt(buf, prev); k < len(buf) {
		return false, shortRead(err)
	}
	at := start - prev
	entry, _ := f.opts.PartStart(buf[:at-1], bytes.TrimSuffix(buf[at:], newline))
	return entry, nil
}

// lineEndAfter returns the offset of the first newline at or after at, or
// -1 when none comes before size.
func lineEndAfter(r io.ReaderAt, at, size int64) (int64, error) {
	buf := make([]byte, lineSearchBytes)
	for lo := at; lo < size; lo += lineSearchBytes {
		b := buf[:min(lineSearchBytes, size-lo)]
		if k, err := r.ReadAt(b, lo); k < len(b) {
			return 0, shortRead(err)
		}
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return lo + int64(i), nil
		}
	}
	return -1, nil
}

var newline = []byte{'\n'}

// shortRead is the error of a read that returned fewer bytes than a file
// of the size it had held: it shrank meanwhile.
func shortRead(err error) error {
	if err == nil || errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// entryMargin is how many lines before the last ones asked for a stream's
// read keeps, to find the start of an entry they cut.
const entryMargin = 1000

// readLastOfStream reads fh, a stream (a compressed file), to its end and
// sends only its last lines (FileOptions.LastLines), moved back to the
// start of an entry they cut within entryMargin lines: a stream cannot be
// read from its end.
func (f *File) readLastOfStream(ctx context.Context, fh *os.File, b *batcher) error {
	if f.opts.FromEnd {
		fh.Close()
		return nil // nothing it holds is asked for, and it is not followed
	}
	read := make(chan []model.Record, 4)
	done := make(chan error, 1)
	go func() {
		done <- f.readOpened(ctx, fh, newBatcher(read))
		close(read)
	}()
	kept := lastRecords{keep: f.opts.LastLines + entryMargin}
	for batch := range read {
		kept.add(batch)
	}
	if err := <-done; err != nil {
		return err
	}
	recs := kept.recs[firstOfLast(kept.recs, f.opts.LastLines, !kept.dropped, f.opts.PartStart):]
	for _, r := range recs {
		if err := b.add(ctx, r); err != nil {
			return err
		}
	}
	return b.flush(ctx)
}

// lastRecords keeps the last keep records added.
type lastRecords struct {
	keep    int
	recs    []model.Record
	dropped bool // records before recs were dropped
}

func (l *lastRecords) add(batch []model.Record) {
	l.recs = append(l.recs, batch...)
	if len(l.recs) > 2*l.keep { // the front goes in one copy, now and then
		n := copy(l.recs, l.recs[len(l.recs)-l.keep:])
		clear(l.recs[n:]) // nor do the dropped records keep their bytes
		l.recs, l.dropped = l.recs[:n], true
	}
}

// firstOfLast returns the index in recs of the first of the last n lines,
// moved back to the first line of the entry it falls in, as ask (the
// decoder's PartStart) tells. whole says recs begins with the stream's
// first line, which begins an entry; otherwise, when no line before begins
// one, the cut stays where it is.
func firstOfLast(recs []model.Record, n int, whole bool, ask func(prev, line []byte) (entry, timed bool)) int {
	start := max(len(recs)-n, 0)
	if ask == nil {
		return start
	}
	for i := start; i > 0; i-- {
		if recs[i].Mark != model.MarkLine || recs[i-1].Mark != model.MarkLine {
			return i // a gap or a mark ends what could be one entry
		}
		if entry, _ := ask(recs[i-1].Raw, recs[i].Raw); entry {
			return i
		}
	}
	if whole {
		return 0
	}
	return start
}
