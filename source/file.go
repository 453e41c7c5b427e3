package source

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync/atomic"
	"time"

	"connlog/model"
)

// FileOptions configure a file source.
type FileOptions struct {
	// Follow keeps reading as the file grows, is renamed away, truncated,
	// deleted and re-created, or appears after the start (like tail -F).
	// Without it Run reads to the end and returns.
	Follow bool
	// MarkCaughtUp, with Follow, sends an empty batch once the file has
	// been read to the end it had when Run started (a missing file: once it
	// has been looked for; a named pipe: once it has a writer). The merge
	// waits for that mark before it takes the input's quiet for being
	// caught up (Feed.CatchesUp).
	MarkCaughtUp bool
	// MaxLineBytes is the longest line kept whole; DefaultMaxLineBytes when 0.
	MaxLineBytes int
	// Open opens a path read-only; os.Open when nil. Tests replace it to
	// produce failures a root user cannot otherwise see.
	Open func(name string) (*os.File, error)
	// TailFirst opens a big regular file (4 MiB or more) at its end: the last 64 KiB is sent at once, following starts,
	// and the head is read backwards in blocks sent as Backfill records,
	// newest block first. Offsets are those of a forward read.
	TailFirst bool
	// HoldBackfill, when set, holds a tail-first read's backfill back
	// until it is closed (the interface closes it once its first screen
	// of entries is drawn) or backfillHoldMax has passed: reading the head
	// takes both cores, and the first screen needs them first.
	HoldBackfill <-chan struct{}
	// BackfillFull, when set, says the sink can hold no line older than
	// those it holds (a model.Store whose memory budget has cost lines):
	// a tail-first read's backfill then stops, and sends one gap record
	// of the budget's reason (model.GapEvictionReason) counting the lines
	// it did not read.
	BackfillFull func() bool
	// ReuseBlocks reads a tail-first backfill into the memory of the
	// blocks already stored (see Record.Release) instead of fresh memory
	// each block, which the kernel must hand over and clear a megabyte at a
	// time. Only for a sink that keeps none of an entry's bytes, as a
	// model.Store copies what it keeps.
	ReuseBlocks bool
	// LastLines, when positive, reads only the last LastLines lines of a
	// regular file, as tail -n counts them, moved back to the first line
	// of the entry that holds the first of them (see PartStart), then
	// follows as usual. With TailFirst, last lines
	// that span 4 MiB or more are read tail first, down to where they
	// begin. FromEnd reads none of what the file holds: following starts
	// at its end. A compressed file is read to its end and its last lines
	// sent; a pipe, which has no end yet, fails Run.
	LastLines int
	FromEnd   bool
	// PartStart tells whether a part of a tail-first read (its tail, a
	// block of its head, a batch of a block), decoded apart from the lines
	// before it, may begin at line, read right after prev: whether line
	// begins an entry, and has a time of its own (decode's
	// Decoder.PartStart). Parts begin at such lines, so that no entry is
	// cut in two where parts meet and no line inherits its time from
	// another part. nil: at any line start. It is called from one
	// goroutine at a time.
	PartStart func(prev, line []byte) (entry, timed bool)
	// StreamOnly says the records are used as they arrive and never re-read
	// (a headless export): rotated-away files are closed at once and nothing
	// is kept aside for ReadRaw, which then fails for earlier generations.
	StreamOnly bool
	// RecentBytes is how many of the bytes last read from a followed file
	// are kept (at least; at most twice) so that a truncation in place
	// loses none of the lines already read; recentBytesKept when 0. With
	// many files followed at once, each gets a share (RecentBytesShare).
	RecentBytes int
	// Finish, with Follow, makes the end of Run's ctx a stop of following,
	// not of reading: the files open then are read to the end they have on
	// disk (the renamed-away one first, then those that took its place at
	// the path, in order), and their lines sent, before Run returns; what
	// cannot be read is counted in a gap (see GapNotReadAtStop). A headless
	// export stopped by a signal thus writes every line it could see. The
	// end of Finish itself ends that last read at once (the export can no
	// longer write). nil: Run returns as soon as ctx ends.
	Finish context.Context
	// Sibling says the file is a rotated copy read before its live file
	// (Input.RotationOf): one this user may not open is a gap that says
	// why (see refusedGap), as one connlog cannot decompress is, not a
	// failure of the run, and stands where it stands in the rotation.
	Sibling bool
	// BatchRecords is how many records a batch holds at most
	// (batchMaxRecords when 0). Each file's batches on their way through
	// decoding and the merge hold its lines' read buffers and fields: with
	// many files read at once, each takes smaller ones (BatchRecordsShare).
	BatchRecords int
}

// File reads a log file: once to its end, or followed by name across
// rotations. Its records carry logical offsets that keep growing from one
// rotated file to the next, and File re-reads a line's bytes by that offset
// (it implements model.RawReader). A compressed file or a pipe is read as a
// stream instead, with Offset -1.
type File struct {
	path  string
	id    model.SourceID
	opts  FileOptions
	gens  generations
	state stateText
	// shortfall says what of the file could not be read (see lossGap).
	shortfall atomic.Pointer[string]
	// backfill is the progress of a tail-first read of the head; State
	// shows it while it runs.
	backfill backfillState
	// quietAfter overrides partialLineTimeout when set (tests).
	quietAfter time.Duration
	// batchWait overrides batchMaxWait when set (tests).
	batchWait time.Duration
	// spent gives back the batches a JournalExport has read, or the decode
	// stage has decoded (see batcher, recycledBatches).
	spent <-chan []model.Record
	// keepNULs is set for a JournalExport's lines (see lineFramer.keepNULs).
	keepNULs bool
	// tailSizes overrides the tail-first sizes when set (tests).
	tailSizes tailFirstSizes
	// holdMax overrides backfillHoldMax when set (tests).
	holdMax time.Duration
	// grace overrides rotationGrace when set (tests).
	grace time.Duration
	// pathChecks counts the looks at the path while following, so that a
	// test can wait for the next look rather than for a guessed time.
	pathChecks atomic.Int64
	// held is the unfinished line the follow holds (see HeldLine).
	held heldLine
}

// NewFile returns a source for the file at path. Nothing is opened until Run.
func NewFile(path string, id model.SourceID, opts FileOptions) *File {
	f := &File{path: path, id: id, opts: opts}
	f.gens.path = path
	f.gens.streamOnly = opts.StreamOnly
	return f
}

// Name returns the path, as the status line shows it.
func (f *File) Name() string { return f.path }

// State says what the source is doing now: "following", "waiting for
// /var/log/x.log", "read to the end", "indexing 43% (1.1GB)"… It is safe
// to call at any time.
func (f *File) State() string {
	if s := f.backfill.get(); s != "" {
		return s
	}
	return f.state.get()
}

func (f *File) setState(s string) { f.state.set(s) }

// Shortfall says what of the file could not be read, short, once a gap
// said it (see lossGap); "" when it was read whole.
func (f *File) Shortfall() string {
	if p := f.shortfall.Load(); p != nil {
		return *p
	}
	return ""
}

// markCaughtUp sends what waits, then the empty batch that says the file
// has been read to the end it had, when the options ask for it.
func (f *File) markCaughtUp(ctx context.Context, b *batcher) error {
	if !f.opts.MarkCaughtUp || !f.opts.Follow {
		return nil
	}
	if err := b.flush(ctx); err != nil {
		return err
	}
	return b.send(ctx, []model.Record{})
}

// ReadRaw appends to buf the n bytes of the line that was sent with the
// given Offset. It fails with ErrRawGone when those bytes no longer exist
// (the file was truncated in place, or rotated away too long ago) and with
// ErrRawChanged when the file no longer holds a line of that length there.
// It is safe to call while Run is running.
func (f *File) ReadRaw(offset int64, n int, buf []byte) ([]byte, error) {
	return f.gens.readRaw(offset, n, buf)
}

// ReadSpan appends to buf the n bytes at offset, lines and newlines alike,
// as the file holds them now: one read for many neighbouring lines, each of
// which the caller checks as ReadRaw would (see model.SpanReader). It fails
// with ErrRawGone as ReadRaw does, and when the span runs past what was read
// or across a rotation. It is safe to call while Run is running.
func (f *File) ReadSpan(offset int64, n int, buf []byte) ([]byte, error) {
	return f.gens.readSpan(offset, n, buf)
}

// Holds reports whether fi is a file the source has open: the one at its
// name, or one renamed away that it still reads.
func (f *File) Holds(fi fs.FileInfo) bool { return f.gens.reads(fi) }

// Close releases the files kept open for ReadRaw. Call it after Run has
// returned, when the records' raw bytes are no longer needed.
func (f *File) Close() error { return f.gens.closeAll() }

// recycleBatches has f fill the batches given back on spent, unless
// another reader of its batches gives them back already; it must be
// called before Run.
func (f *File) recycleBatches(spent <-chan []model.Record) bool {
	if f.spent != nil {
		return false
	}
	f.spent = spent
	return true
}

// Run sends the file's lines to out; see Source. It must be called once.
// Cancelling ctx is a clean end and returns nil.
func (f *File) Run(ctx context.Context, out chan<- []model.Record) error {
	b := newBatcher(out)
	b.spent = f.spent
	if f.opts.BatchRecords > 0 {
		b.maxRecords = f.opts.BatchRecords
	}
	if f.batchWait > 0 {
		b.maxWait = f.batchWait
	}
	err := f.run(ctx, b)
	if ctx.Err() != nil {
		return nil
	}
	return err
}

func (f *File) run(ctx context.Context, b *batcher) error {
	if f.fromLast() && isNamedPipe(f.path) {
		return f.noLastLines() // and no need to wait for a writer to say so
	}
	fr := f.newFramer(f.opts.MaxLineBytes, b.emitter(f.sendContext(ctx)))
	fr.unterminated = f.gens.markUnterminated
	fr.held = &f.held
	t := &tailer{src: f, batch: b, framer: fr, recent: recentBytes{kept: f.opts.RecentBytes}}
	fh, fi, err := openRead(ctx, f.opts.Open, f.path, true)
	switch {
	case err == nil:
	case f.opts.Follow && errors.Is(err, fs.ErrNotExist):
		f.setState(waitingState(f.path, ""))
		return t.follow(ctx)
	case f.opts.Sibling && errors.Is(err, fs.ErrPermission):
		return f.refusedGap(ctx, b, err)
	default:
		return err
	}
	if madeWhenRead(fh, fi) {
		// Its size says 0 whatever it holds: read it once, to its end.
		if err := f.readAsStream(ctx, fh, fi, b); err != nil && ctx.Err() == nil {
			return kernelMadeReadError(f.path, err)
		}
		return nil
	}
	if !fi.Mode().IsRegular() || readAsCompressed(fh) {
		return f.readAsStream(ctx, fh, fi, b)
	}
	t.opened = true
	t.startGeneration(fh, fi)
	if f.fromLast() {
		start, err := f.lastLinesFrom(t.cur.file, fi.Size())
		if err != nil {
			return readError(f.path, err)
		}
		if f.useTailFirst(fi.Size() - start) {
			return f.runTailFirst(ctx, t, fi.Size(), start)
		}
		if _, err := t.startAt(start); err != nil {
			return readError(f.path, err)
		}
	} else if f.useTailFirst(fi.Size()) {
		return f.runTailFirst(ctx, t, fi.Size(), 0)
	}
	if !f.opts.Follow {
		f.setState("reading")
		return t.readToEnd(ctx)
	}
	f.setState("following")
	return t.follow(ctx)
}

// readAsStream reads fh, a pipe, a compressed file or a file made as it is
// read, from where it stands to its end, with Offset -1.
func (f *File) readAsStream(ctx context.Context, fh *os.File, fi fs.FileInfo, b *batcher) error {
	if f.fromLast() && !fi.Mode().IsRegular() {
		fh.Close()
		return f.noLastLines()
	}
	if f.fromLast() {
		return f.readLastOfStream(ctx, fh, b)
	}
	if !fi.Mode().IsRegular() {
		// A pipe may stay open and silent: it is caught up once it has a
		// writer. (Callers do not ask a pipe for the mark; one can take a
		// regular file's place before it is opened.)
		if err := f.markCaughtUp(ctx, b); err != nil {
			return err
		}
	}
	return f.readOpened(ctx, fh, b)
}
