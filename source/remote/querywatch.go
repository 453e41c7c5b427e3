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
// store that answers is left to run: the store is computing it.
func (s *Source) query(ctx context.Context, sel Selection, state string, emit func(Row) error) error {
	s.setState(state)
	var rows atomic.Int64
	done := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		s.watchQuery(ctx, state, &rows, done)
	}()
	err := s.backend.Query(ctx, sel, func(r Row) error {
		rows.Add(1)
		return emit(r)
	})
	close(done)
	<-watched
	return err
}

// watchQuery shows a stalled store while a query runs, and the query's
// state again when the store answers, until done closes.
func (s *Source) watchQuery(ctx context.Context, state string, rows *atomic.Int64, done <-chan struct{}) {
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
			s.showStall(sw.check(ctx, s.backend, now))
		}
		if resumed {
			s.setState(state)
		}
	}
}
