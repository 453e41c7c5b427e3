package remote

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"connlog/model"
)

// Tuning of the remote source.
const (
	batchRows    = 1024                  // records per batch sent on
	batchAge     = 50 * time.Millisecond // oldest record of an unsent batch
	reorderHold  = time.Second
	reorderMax   = 1 << 16                // rows held at most while reordering
	dedupWindow  = 10 * time.Second       // how far behind the newest entry a re-read starts
	tailMargin   = 2 * time.Second        // extra past a tail reaches back beyond the last read
	backoffFirst = 500 * time.Millisecond // first wait before reconnecting
	backoffMax   = 30 * time.Second
	// firstReadTries is how many times the first read is tried before its
	// error ends the source: a store that answered the start-up check and
	// breaks off the read is most often restarting.
	firstReadTries = 4
	steadyAfter    = 30 * time.Second // a tail that ran this long resets the backoff
	releaseTick    = 250 * time.Millisecond
	// A store's tail sends nothing while nothing new arrives: a tail silent
	// for probeAfter is followed by a question to the store, and a store
	// that neither sends nor answers for stallAfter is shown as down. A
	// stall shorter than that is within what the store's own tail reaches
	// back (5 s in VictoriaLogs).
	probeAfter  = 2 * time.Second
	stallAfter  = 4 * time.Second
	stallSettle = 2 * time.Second // after a stall, before re-reading: the store makes what it took searchable
	// A tail that has sent nothing for stuckAfter while the store answers is
	// stuck when it never opened or the store holds rows it did not send.
	stuckAfter    = 4 * time.Second
	tailBatchChan = 4
)

// Options select what the source reads.
type Options struct {
	// Selection is pushed down to the store; Newest is set from Lines.
	Selection Selection
	// Lines is how many of the newest entries are read before following:
	// -1 all of them, 0 none.
	Lines int
	// Follow keeps reading live after the backfill.
	Follow bool
}

// Source reads a remote store as one input: the backfill by query, then,
// when following, the store's live tail with reconnects.
type Source struct {
	backend Backend
	id      model.SourceID
	opts    Options
	state   atomic.Pointer[string]
	late    lateTally
	// onFollow, when set, is called each time a live tail is open.
	onFollow func()
}

// New returns a source reading b with the given options.
func New(b Backend, id model.SourceID, opts Options) *Source {
	s := &Source{backend: b, id: id, opts: opts}
	s.setState("starting")
	return s
}

// Name is the store's address: the status line puts the state after it.
func (s *Source) Name() string { return s.backend.Address() }

// State is the connection state for the status line.
func (s *Source) State() string { return *s.state.Load() }

func (s *Source) setState(st string) { s.state.Store(&st) }

// Late tells of the entries handed on after newer ones had been (see
// lateTally); the status passes it on (source.LateTeller).
func (s *Source) Late() model.LateRows { return s.late.get() }

// Run reads the backfill, then follows when asked to. An unreachable store
// at the start is an error; later it is retried with backoff.
func (s *Source) Run(ctx context.Context, out chan<- []model.Record) error {
	w := &sender{ctx: ctx, out: out, marks: newJournalMarks(s.id, s.opts.Selection), late: &s.late}
	tr := newSeen(3 * dedupWindow)
	s.setState(stateQuerying)
	readUntil := time.Now()
	n, err := s.backfill(ctx, w, tr)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		s.setState("error: " + err.Error())
		return fmt.Errorf("read %s: %w", s.backend.Name(), err)
	}
	if !s.opts.Follow || !s.opts.Selection.Until.IsZero() {
		s.setState(fmt.Sprintf("done: %d entries", n))
		return nil
	}
	if tr.watermark.IsZero() {
		tr.watermark = readUntil // nothing read yet: a re-read starts from here
	}
	return s.follow(ctx, w, tr, readUntil)
}

// backfill reads the selection's newest Lines entries (or all) in order.
// A read the store breaks off midway (a connection reset, a restart) is
// taken up again, up to firstReadTries times, from a little before the
// newest entry handed on: seen drops what comes twice.
func (s *Source) backfill(ctx context.Context, w *sender, tr *seen) (int, error) {
	if s.opts.Lines == 0 {
		return 0, nil
	}
	sel := storeSelection(s.opts.Selection)
	if s.opts.Lines > 0 {
		sel.Newest = s.opts.Lines
	}
	n := 0
	emit := func(r Row) error {
		if tr.admit(&r) {
			n++
			return w.row(&r)
		}
		return nil
	}
	backoff := backoffFirst
	for tries := 1; ; tries++ {
		err := s.readSettled(ctx, sel, stateQuerying, tr, emit)
		switch {
		case err == nil:
			return n, w.flush()
		case ctx.Err() != nil || !retryable(err) || tries == firstReadTries:
			return n, err
		case !s.wait(ctx, &backoff, err):
			return n, ctx.Err()
		}
		if from := tr.watermark.Add(-dedupWindow); !tr.watermark.IsZero() && from.After(sel.Since) {
			sel.Since = from // never before the user's --since
		}
	}
}

// sender batches records for the ingest loop.
type sender struct {
	ctx   context.Context
	out   chan<- []model.Record
	marks *journalMarks
	late  *lateTally
	batch []model.Record
	first time.Time
}

// emit hands on a row with the marks it brings.
func (w *sender) emit(r Row) { _ = w.row(&r) }

// row hands on a row with the marks it brings, noting whether it is late;
// an error means ctx ended.
func (w *sender) row(r *Row) error {
	w.late.note(r)
	return w.marks.add(r, w)
}

func (w *sender) add(r model.Record) error {
	if len(w.batch) == 0 {
		w.first = time.Now()
	}
	w.batch = append(w.batch, r)
	if len(w.batch) >= batchRows || time.Since(w.first) >= batchAge {
		return w.flush()
	}
	return nil
}

func (w *sender) flush() error {
	if len(w.batch) == 0 {
		return nil
	}
	select {
	case w.out <- w.batch:
		w.batch = nil
		return nil
	case <-w.ctx.Done():
		return w.ctx.Err()
	}
}
