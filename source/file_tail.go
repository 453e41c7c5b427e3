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
)

// tailer reads one path, following it by name when asked. Only Run's
// goroutine uses it; what ReadRaw needs lives in File.gens under its lock.
type tailer struct {
	src    *File
	framer *lineFramer
	batch  *batcher

	cur      *generation  // the file being read; nil until opened
	curInfo  fs.FileInfo  // identity of cur, to notice another file at the path
	pos      int64        // bytes read from cur
	fp       fingerprint  // to notice a truncate-and-refill
	modTime  time.Time    // cur's modification time when last drained
	nextBase int64        // logical offset the next generation starts at
	lastData time.Time    // when bytes last arrived, for the partial-line timeout
	replaced time.Time    // when another file was first seen at the path; zero if none
	next     []*nextFile  // the files seen at the path since, oldest first, not read yet
	opened   bool         // the path has been opened once: later failures are waited out
	markDue  bool         // the first poll is done: mark it once no unterminated line is held
	recent   recentBytes  // the bytes last read from cur, kept to survive a truncation
	renamed  *renamedFile // the file left at the last switch, whose writer may not have moved on yet
	lost     int64        // lines whose bytes could not be kept, not yet reported in a gap
}

// follow polls the path until ctx ends, like tail -F, and sooner when
// inotify says the file or a sibling changed. What the file holds at the
// first poll is sent at once: batching coalesces lines that trickle in,
// and would only hold back the first screen. With FileOptions.Finish, the
// end of ctx is followed by a last read of what is on disk (see finish).
func (t *tailer) follow(ctx context.Context) error {
	defer t.dropNext()
	defer t.dropRenamed()
	err := t.pollUntilDone(ctx)
	if fin := t.src.opts.Finish; fin != nil && ctx.Err() != nil && fin.Err() == nil {
		return t.finish(fin)
	}
	return err
}

// pollUntilDone is follow's loop: it returns when ctx ends or reading fails.
func (t *tailer) pollUntilDone(ctx context.Context) error {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	watch := watchDir(t.src.path)
	defer watch.Close()
	for first := true; ; first = false {
		if err := t.poll(ctx); err != nil {
			return err
		}
		if first {
			if err := t.batch.flush(ctx); err != nil {
				return err
			}
			t.markDue = true
		}
		if err := t.markIfDue(ctx); err != nil {
			return err
		}
		if err := t.waitNextPoll(ctx, timer, watch, time.Now()); err != nil {
			return err
		}
	}
}

// markIfDue marks that the file has been read to the end it had at the
// first poll, once the framer holds nothing of it, or once the file has
// been quiet for the quiet time: the mark lets the merge release other
// inputs' later lines, and a line its writer pauses in waits for its
// newline, which must not hold every other input back.
func (t *tailer) markIfDue(ctx context.Context) error {
	if !t.markDue || (t.framer.holding() && time.Since(t.lastData) < t.framer.quietAfter) {
		return nil
	}
	t.markDue = false
	return t.src.markCaughtUp(ctx, t.batch)
}

// waitNextPoll sends what is due while it waits for the next poll: the
// poll interval's end, or a change inotify reports (but not sooner than
// minWakeInterval after the last poll, so that a fast writer does not turn
// every line into a read).
func (t *tailer) waitNextPoll(ctx context.Context, timer *time.Timer, watch *dirWatch, polled time.Time) error {
	nextPoll := polled.Add(pollInterval)
	wake := watch.C()
	for time.Now().Before(nextPoll) {
		due, ok := nextWake(t.batch, t.framer, t.lastData)
		if !ok || due.After(nextPoll) {
			due = nextPoll
		}
		timer.Reset(time.Until(due))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case now := <-timer.C:
			if err := onDeadlines(ctx, now, t.batch, t.framer, t.lastData); err != nil {
				return err
			}
			if err := t.markIfDue(ctx); err != nil {
				return err
			}
		case <-wake:
			if soon := polled.Add(minWakeInterval); soon.Before(nextPoll) {
				nextPoll = soon
			}
			wake = nil
		}
	}
	return nil
}

// poll opens the path if needed, reads whatever was appended and switches
// to a new file at the path once the old one is finished.
func (t *tailer) poll(ctx context.Context) error {
	if err := t.reportLost(ctx); err != nil {
		return err
	}
	if err := t.readLateGrowth(ctx); err != nil {
		return err
	}
	if t.cur == nil {
		if err := t.open(ctx); err != nil || t.cur == nil {
			return err
		}
	}
	if _, err := t.drain(ctx, -1); err != nil {
		return err
	}
	return t.checkPath(ctx)
}

// open starts reading the file at the path. A missing file is waited for.
// Other failures end the run when they happen before the file was ever
// opened, so the user sees them at once; after that they are shown in the
// state and retried, since a rotation may briefly leave a new file with the
// wrong owner or mode (or a directory in its place).
func (t *tailer) open(ctx context.Context) error {
	path := t.src.path
	f, fi, err := openRead(ctx, t.src.opts.Open, path, false)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist):
		t.src.setState(waitingState(path, ""))
		return nil
	case !t.opened:
		return err
	case errors.Is(err, errIsDirectory):
		// A directory where the log was (made by mistake, or by a tool
		// that replaces the log): the file read before was read to its
		// end, and a log may come back.
		t.src.setState(waitingState(path, "it is a directory"))
		return nil
	default:
		t.src.setState(waitingState(path, err.Error()))
		return nil
	}
	if !fi.Mode().IsRegular() {
		// Run reads a pipe given at the start as a stream; one that appears
		// later at a followed path cannot be read by offset.
		f.Close()
		t.src.setState(waitingState(path, "it is not a regular file"))
		return nil
	}
	t.opened = true
	t.startGeneration(f, fi)
	t.src.setState("following")
	return nil
}

func (t *tailer) startGeneration(f *os.File, fi fs.FileInfo) {
	var lost int64
	t.cur, lost = t.src.gens.start(f, fi, t.nextBase, 0)
	t.lost += lost
	t.recent.reset()
	t.curInfo = fi
	t.pos = 0
	t.fp.reset()
	t.modTime = time.Time{}
}

// startAt has the read of the generation just started begin at start, a
// line start, and returns the file's first bytes, which the fingerprint
// of its head begins with (the rest fills as the bytes from start are
// read). The lines before start are not counted (a tail-first backfill
// counts them as it reads them).
func (t *tailer) startAt(start int64) ([]byte, error) {
	head := make([]byte, min(fingerprintBytes, start))
	if _, err := t.cur.file.ReadAt(head, 0); err != nil {
		return nil, err
	}
	t.fp.head = append(t.fp.head[:0], head...)
	t.pos = start
	t.src.gens.grow(t.cur, start, 0, &t.fp)
	return head, nil
}

// drain reads cur from the read position to its end, or to limit bytes when
// limit >= 0, and returns how many bytes it read.
func (t *tailer) drain(ctx context.Context, limit int64) (int64, error) {
	var read int64
	for first := true; ctx.Err() == nil; first = false {
		fi, err := t.cur.file.Stat()
		if err != nil {
			return read, fmt.Errorf("stat %s: %w", t.src.path, err)
		}
		size := fi.Size()
		if limit >= 0 {
			size = min(size, limit)
		}
		if size < t.pos || (first && t.rewritten(size, fi.ModTime())) {
			if err := t.truncated(ctx); err != nil {
				return read, err
			}
			continue
		}
		if size == t.pos {
			return read, nil
		}
		chunk := make([]byte, min(size-t.pos, readChunkBytes))
		n, err := t.cur.file.ReadAt(chunk, t.pos)
		if n > 0 {
			read += int64(n)
			if ferr := t.consume(ctx, chunk[:n]); ferr != nil {
				return read, ferr
			}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return read, readError(t.src.path, err)
		}
		if n == 0 {
			return read, nil // it shrank meanwhile: the next poll sees the truncation
		}
	}
	return read, ctx.Err()
}

// consume frames bytes just read at the read position.
func (t *tailer) consume(ctx context.Context, b []byte) error {
	now := time.Now()
	off := t.cur.base + t.pos
	if t.src.opts.Follow && !t.src.opts.StreamOnly { // only a followed file can be truncated under the reader, and only re-reads need what it held
		t.recent.add(b, t.pos)
	}
	t.pos += int64(len(b))
	t.fp.observe(b, t.pos-int64(len(b)))
	t.src.gens.grow(t.cur, t.pos, int64(bytes.Count(b, []byte{'\n'})), &t.fp)
	t.lastData = now
	return t.framer.feed(b, off, now)
}

// rewritten reports whether the file, not shorter than what was read, no
// longer holds what was read. It is checked when the file grew or was
// modified without growing, which is when a truncate-and-refill can hide.
func (t *tailer) rewritten(size int64, mod time.Time) bool {
	changed := size > t.pos || !mod.Equal(t.modTime)
	t.modTime = mod
	return changed && t.pos > 0 && !t.fp.matches(t.cur.file, t.pos)
}

// checkPath looks at what the path names now. When another file is there
// (rename rotation, or deleted and re-created) the old one is still read
// for rotationGrace before the switch: a writer appends to the renamed
// file until it reopens the path, which logrotate has it do only in its
// postrotate script, a moment after the new file appears. A poll that
// found the old file quiet says nothing of that moment. The files that
// appear at the path meanwhile are opened and watched at once (see
// nextFile), and read in turn: one may be rotated before its turn comes.
func (t *tailer) checkPath(ctx context.Context) error {
	defer t.src.pathChecks.Add(1)
	path := t.src.path
	now := time.Now()
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		t.src.setState(waitingState(path, "it was removed or renamed"))
	case err != nil:
		t.src.setState(waitingState(path, err.Error()))
	case os.SameFile(fi, t.curInfo):
		t.replaced = time.Time{}
		t.dropNext()
		t.src.setState("following")
		return nil
	default:
		t.noteNext(ctx, fi, now)
	}
	if t.replaced.IsZero() || (err != nil && len(t.next) == 0) {
		return nil // no other file to move to: the old one is still read
	}
	if t.inGrace(now) && len(t.next) < maxNextFiles {
		if err == nil {
			t.src.setState("reading the renamed file until its writer moves to the new one")
		}
		return nil
	}
	return t.switchFile(ctx, now)
}

// inGrace reports whether the renamed-away file is still the one read:
// for the grace after another file took its place, and then for as long
// as its writer has not moved on: the new file is still empty and the
// renamed one grew within the grace. A writer that writes in bursts, with
// pauses, is thus read to its end before the new file's lines.
func (t *tailer) inGrace(now time.Time) bool {
	grace := t.src.rotationGrace()
	if now.Sub(t.replaced) < grace {
		return true
	}
	movedOn := len(t.next) > 0 && t.next[0].size > 0
	return !movedOn && now.Sub(t.lastData) < grace
}

// switchFile finishes the old file and moves to the next one: the first
// queued, or the one now at the path. The old file stays open in gens so
// that its lines can still be re-read, and is watched for the lines its
// writer appends later (see renamedFile), in place of the one left before.
func (t *tailer) switchFile(ctx context.Context, now time.Time) error {
	if err := t.readLateGrowth(ctx); err != nil { // the file left before, a last time
		return err
	}
	// What was appended since the poll's read is the old file's last
	// before the switch.
	if _, err := t.drain(ctx, -1); err != nil {
		return err
	}
	// A last line without a newline is sent: what its writer appends
	// later is read as the renamed file's growth.
	if err := t.framer.flush(now, ""); err != nil {
		return err
	}
	t.keepRenamed()
	t.nextBase = t.cur.base + t.pos
	t.cur, t.curInfo = nil, nil
	if len(t.next) > 0 {
		return t.startNext(ctx)
	}
	t.replaced = time.Time{}
	return t.open(ctx)
}

// readToEnd reads the file as far as it was when reading began, for runs
// that do not follow (a file that keeps growing would otherwise never end).
func (t *tailer) readToEnd(ctx context.Context) error {
	return t.readToEndNoting(ctx, NoteLastLine)
}

// readToEndNoting is readToEnd, sending a last line without a newline
// with the note last: NoteLastLine when nothing more is read,
// NotePartialLine when its writer may still finish it.
func (t *tailer) readToEndNoting(ctx context.Context, last string) error {
	fi, err := t.cur.file.Stat()
	if err != nil {
		return fmt.Errorf("stat %s: %w", t.src.path, err)
	}
	if _, err := t.drain(ctx, fi.Size()); err != nil {
		return err
	}
	// Nothing more is read: without following, a last line without a
	// newline is the input's last, and a raw export ends as the file does.
	if err := t.framer.flush(time.Now(), last); err != nil {
		return err
	}
	t.src.setState("read to the end")
	return t.batch.flush(ctx)
}

// rotationGrace is how long a renamed-away file is still read (see
// checkPath).
func (f *File) rotationGrace() time.Duration {
	if f.grace > 0 {
		return f.grace
	}
	return rotationGrace
}
