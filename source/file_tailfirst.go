package source

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"connlog/model"

	"golang.org/x/sys/unix"
)

// Tail-first reading of a big file: the newest lines first, so the screen
// fills at once, then the head, read backwards in blocks.
const (
	tailFirstMinBytes = 4 << 20 // smaller files are read forward: they are quick anyway
	// tailFirstTailBytes is how much of the end is read before following:
	// a few hundred lines, screens of them, all the first screen waits for
	// (its newest line is the tail's last).
	tailFirstTailBytes = 64 << 10
	backfillBlockBytes = 1 << 20  // how much of the head one backfill block holds
	lineSearchBytes    = 64 << 10 // bytes read at a time while looking back for a line start
	// backfillHoldMax bounds how long a backfill waits for the first
	// screen (see FileOptions.HoldBackfill and JournalOptions'): it must
	// start even when no screen of entries is ever drawn.
	backfillHoldMax = 500 * time.Millisecond
)

// tailFirstSizes overrides the tail-first sizes; zero fields take the
// defaults. Tests use small ones to get many blocks from a small file.
type tailFirstSizes struct{ min, tail, blockBytes int64 }

// orDefault is v, or def when v is not set (zero or less).
func orDefault[T ~int64](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

func (z tailFirstSizes) minSize() int64  { return orDefault(z.min, tailFirstMinBytes) }
func (z tailFirstSizes) tailSize() int64 { return orDefault(z.tail, tailFirstTailBytes) }
func (z tailFirstSizes) block() int64    { return orDefault(z.blockBytes, backfillBlockBytes) }

// NoteHeadUnread marks a gap where the head of a file opened tail first
// could not be read (a read error); Count is the number of bytes not read.
const NoteHeadUnread = model.GapHeadUnread

// backfillState is the progress of a tail-first backfill, for State.
//
// The progress stays shown until the head is stored, not only read: owed
// counts the backfill itself and the blocks it sent whose entries the
// ingest loop has not stored yet (see Record.Release), so that an
// interface waiting for the indexing to end finds every line of the head
// in its store once the state no longer says model.StateIndexing.
type backfillState struct {
	p    atomic.Pointer[string]
	owed atomic.Int64
}

func (b *backfillState) set(s string) { b.p.Store(&s) }

// begin shows the progress s from before the tail is sent until end and
// every block owed are paid.
func (b *backfillState) begin(s string) { b.owed.Store(1); b.set(s) }

// owe counts a block sent; paid, a block stored, or the backfill ended.
func (b *backfillState) owe() { b.owed.Add(1) }
func (b *backfillState) paid() {
	if b.owed.Add(-1) == 0 {
		b.p.Store(nil)
	}
}

func (b *backfillState) get() string {
	if p := b.p.Load(); p != nil {
		return *p
	}
	return ""
}

// useTailFirst reports whether a regular file whose span to read holds
// this many bytes is opened tail first: asked for, big enough, and with no
// rotated siblings to read before.
func (f *File) useTailFirst(span int64) bool {
	return f.opts.TailFirst && span >= f.tailSizes.minSize()
}

// runTailFirst reads the last tailFirstTailBytes (from a line start), sends
// them, then follows the end (or stops there without Follow) while the head
// down to floor (a line start: 0, or where the last lines asked for begin)
// is read backwards and sent as backfill blocks, newest block first, once
// the first screen is drawn (see FileOptions.HoldBackfill). The
// backfill reads the generation it started on through its own descriptor,
// so a rotation meanwhile changes nothing for it.
func (f *File) runTailFirst(ctx context.Context, t *tailer, size, floor int64) error {
	file := t.cur.file
	tailStart, err := lineStartAtOrBefore(file, size-f.tailSizes.tailSize())
	if err == nil {
		tailStart, err = f.tailPartStart(file, tailStart, size)
	}
	if err != nil {
		return readError(f.path, err)
	}
	tailStart = max(tailStart, floor) // floor begins an entry: the tail need not look back past it
	head, err := t.startAt(tailStart)
	if err != nil {
		return readError(f.path, err)
	}
	bf := &backfiller{src: f, gen: t.cur, head: head, size: size, floor: floor, maxLine: f.opts.MaxLineBytes}
	if f.opts.ReuseBlocks {
		bf.pool = newBlockPool(int(f.tailSizes.block()) + 1)
	}
	if bf.file, err = dupFile(file); err != nil {
		return readError(f.path, err)
	}
	defer bf.file.Close()
	bf.begin(tailStart)
	if !f.opts.Follow {
		f.setState("reading")
		if err := t.readToEnd(ctx); err != nil {
			return err
		}
		f.holdBackfill(ctx)
		return bf.run(ctx, t.batch.out, tailStart)
	}
	if _, err := t.drain(ctx, size); err != nil {
		return err
	}
	if err := t.batch.flush(ctx); err != nil {
		return err // the tail must be sent before any block that precedes it
	}
	f.setState("following")
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		f.holdBackfill(ctx)
		done <- bf.run(ctx, t.batch.out, tailStart)
	}()
	err = t.follow(ctx)
	cancel()
	<-done // the backfill fails only when cancelled; its other troubles are gap records
	return err
}

// tailPartStart returns where the tail begins: at start, a line start,
// or at a later line of the tail where a part may begin (see partStartIn);
// at start when no line there begins an entry.
func (f *File) tailPartStart(file *os.File, start, size int64) (int64, error) {
	if f.opts.PartStart == nil || start == 0 {
		return start, nil
	}
	prev, err := lineStartAtOrBefore(file, start-1)
	if err != nil {
		return 0, err
	}
	if start-prev > partBlockMax {
		return start, nil // a line too long to join anything: the tail begins after it
	}
	buf := make([]byte, size-prev)
	if n, err := file.ReadAt(buf, prev); n < len(buf) {
		return 0, cmp.Or(err, io.ErrUnexpectedEOF)
	}
	if s, _ := partStartIn(buf, 0, f.opts.PartStart); s >= 0 {
		return prev + int64(s), nil
	}
	// No line of the tail begins an entry: the file ends inside a long one
	// (a JSON document of thousands of lines), and the tail begins where
	// it does, if that is within partBlockMax.
	return f.entryStartBefore(file, start, start)
}

// entryStartBefore returns the last line start before end (a line start,
// or the file's size when its last line has no newline yet) where an entry
// begins, looking at most partBlockMax back; fallback when none does there.
func (f *File) entryStartBefore(file *os.File, end, fallback int64) (int64, error) {
	from := max(end-partBlockMax, 0)
	buf := make([]byte, end-from, end-from+1)
	if n, err := file.ReadAt(buf, from); n < len(buf) {
		return 0, cmp.Or(err, io.ErrUnexpectedEOF)
	}
	if len(buf) > 0 && buf[len(buf)-1] != '\n' {
		buf = append(buf, '\n') // a last line not yet ended is whole all the same
	}
	lead := int64(0)
	if from == 0 {
		// The file's first line is a candidate too, which a newline before
		// it makes it: a timed one is preferred to an untimed entry after.
		buf, lead = append([]byte{'\n'}, buf...), 1
	}
	if s := lastEntryStartIn(buf, f.opts.PartStart); s >= 0 {
		return from + int64(s) - lead, nil
	}
	if from == 0 {
		return 0, nil // the file's first line begins its first entry
	}
	return fallback, nil
}

// holdBackfill waits until the backfill may start (see waitForScreen).
func (f *File) holdBackfill(ctx context.Context) {
	waitForScreen(ctx, f.opts.HoldBackfill, cmp.Or(f.holdMax, backfillHoldMax))
}

// waitForScreen waits until hold is closed (the first screen is drawn),
// longest has passed, or ctx is done (the backfill then stops at once). A
// nil hold does not wait.
func waitForScreen(ctx context.Context, hold <-chan struct{}, longest time.Duration) {
	if hold == nil {
		return
	}
	t := time.NewTimer(longest)
	defer t.Stop()
	select {
	case <-hold:
	case <-t.C:
	case <-ctx.Done():
	}
}

// dupFile returns a second descriptor for the open file f: closing or
// rotating away f's descriptor then leaves the backfill reading.
func dupFile(f *os.File) (*os.File, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	var fd int
	var derr error
	if err := rc.Control(func(u uintptr) { fd, derr = unix.FcntlInt(u, unix.F_DUPFD_CLOEXEC, 0) }); err != nil {
		return nil, err
	}
	if derr != nil {
		return nil, fmt.Errorf("duplicate descriptor: %w", derr)
	}
	return os.NewFile(uintptr(fd), f.Name()), nil
}

// lineStartAtOrBefore returns the start of the line holding byte at: the
// largest position p <= at with p == 0 or f[p-1] == '\n'.
func lineStartAtOrBefore(f io.ReaderAt, at int64) (int64, error) {
	if at <= 0 {
		return 0, nil
	}
	buf := make([]byte, lineSearchBytes)
	for hi := at; hi > 0; {
		lo := max(hi-lineSearchBytes, 0)
		n, err := f.ReadAt(buf[:hi-lo], lo)
		if n < int(hi-lo) {
			return 0, shortRead(err)
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			return lo + int64(i) + 1, nil
		}
		hi = lo
	}
	return 0, nil
}
