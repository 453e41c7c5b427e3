package remote

import (
	"context"
	"sync/atomic"
	"time"
)

// query runs a read by query (the backfill, a re-read) with the same watch
// as the live tail: a read that brings nothing for probeAfter is followed by
// a question to the store, and a store that neither sends nor answers for
// stallAfter shows as down until it does, when the read goes on where it
// was. state is the source's state while the read runs. A slow query of a
// store that answers is left to run: the store is computing it. stall
// receives, once the store is found stalled, the time of its last sign of
// life before (Unix nanoseconds).
func (s *Source) query(ctx context.Context, sel Selection, state string, stall *atomic.Int64, emit func(Row) error) error {
	s.setState(state)
	var rows atomic.Int64
	done := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		s.watchQuery(ctx, state, &rows, stall, done)
	}()
	err := s.backend.Query(ctx, sel, func(r Row) error {
		rows.Add(1)
		return emit(r)
	})
	close(done)
	<-watched
	return err
}

// readSettled runs a read by query as a pass of tr. When the store stalled
// during it, what the store took just before it stopped was not searchable
// yet, and the read did not have it (nor will a tail: it moves on by the
// clock): once the store settles, the window from a little before the
// stall is read again, as a new pass, seen dropping what was handed on,
// until a read runs without a stall. seen keeps what that window handed
// on meanwhile, however long the stall.
func (s *Source) readSettled(ctx context.Context, sel Selection, state string, tr *seen, emit func(Row) error) error {
	defer tr.holdFrom(time.Time{})
	for {
		var stall atomic.Int64
		held := false
		tr.startPass()
		err := s.query(ctx, sel, state, &stall, func(r Row) error {
			if at := stall.Load(); at != 0 && !held {
				held = true
				tr.holdFrom(time.Unix(0, at).Add(-dedupWindow))
			}
			return emit(r)
		})
		at := stall.Load()
		if err != nil || at == 0 {
			return err
		}
		if !sleep(ctx, stallSettle) {
			return ctx.Err()
		}
		from := time.Unix(0, at).Add(-dedupWindow)
		tr.holdFrom(from)
		if from.After(sel.Since) {
			sel.Since = from // never before the user's --since
		}
		sel.Newest = 0 // the window's every row: its newest may all be the late ones
	}
}

// watchQuery shows a stalled store while a query runs, and the query's
// state again when the store answers, until done closes.
func (s *Source) watchQuery(ctx context.Context, state string, rows *atomic.Int64, stall *atomic.Int64, done <-chan struct{}) {
	sw := newStallWatch(time.Now())
	tick := time.NewTicker(releaseTick)
	defer tick.Stop()
	had := int64(0)
	for {
		resumed := false
		select {
		case <-done:
			return
		case answered := <-sw.probes:
			resumed = sw.probeAnswered(answered, time.Now())
		case <-tick.C:
			now := time.Now()
			if n := rows.Load(); n != had {
				had = n
				resumed = sw.life(now)
			}
			lastLife := sw.lastLife
			down := sw.check(ctx, s.backend, now)
			if down != "" {
				stall.CompareAndSwap(0, lastLife.UnixNano())
			}
			s.showStall(down)
		}
		if resumed {
			s.setState(state)
		}
	}
}
