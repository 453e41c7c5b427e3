package remote

import (
	"context"
	"errors"
	"fmt"
	"time"

	"connlog/model"
)

// tailEvent is what the goroutine running a tail reports: a batch of rows,
// or the end of the tail with its error.
type tailEvent struct {
	rows []Row
	err  error
	done bool
}

// States of a follow until its tail opens: the first read, a re-read of what
// the tail may have missed after a drop or stall, and after a stuck tail.
const (
	stateQuerying  = "querying"
	stateRereading = "back, re-reading missed entries"
	stateStuck     = model.StateDown + ", tail stuck, reopening"
)

// follow keeps a live tail open until ctx ends. After a drop it waits with
// backoff, after a stall it waits for the store to settle; then it re-reads
// what it missed by query, and opens a new tail; seen drops what arrives
// twice. readUntil is when the last read began: the tail reaches back past
// it.
func (s *Source) follow(ctx context.Context, w *sender, tr *seen, readUntil time.Time) error {
	ro := newReorder(reorderHold, reorderMax)
	backoff := backoffFirst
	rereading := stateRereading // the state until the next tail opens
	for reconnect := false; ; reconnect = true {
		if reconnect {
			readUntil = time.Now()
			if err := s.reread(ctx, w, tr, ro, rereading); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				if retryable(err) {
					if !s.wait(ctx, &backoff, err) {
						return nil
					}
					continue
				}
				s.gap(w, tr.watermark, readUntil, "could not be re-read after reconnecting: "+err.Error())
			}
		}
		started := time.Now()
		err := s.tail(ctx, w, tr, ro, time.Since(readUntil)+tailMargin)
		rereading = stateRereading
		if errors.Is(err, errStuck) { // no wait: the store answers
			rereading = stateStuck
			s.setState(stateStuck)
			backoff = backoffFirst
			continue
		}
		if errors.Is(err, errStalled) {
			s.setState(stateRereading)
			if sleep(ctx, stallSettle) { // what the store took just before is searchable then
				backoff = backoffFirst
				continue
			}
		}
		if ctx.Err() != nil {
			ro.release(time.Now(), true, w.emit)
			_ = w.flush()
			s.setState("stopped")
			return nil
		}
		if !retryable(err) {
			s.setState("error: " + err.Error())
			return fmt.Errorf("follow %s: %w", s.backend.Name(), err)
		}
		if time.Since(started) >= steadyAfter {
			backoff = backoffFirst
		}
		if !s.wait(ctx, &backoff, err) {
			return nil
		}
	}
}

// reread queries what may have been missed: from a little before the newest
// entry handed on until now. Rows go through the reorder buffer, which hands
// on what exceeds its bound, so a long outage streams rather than piles up.
func (s *Source) reread(ctx context.Context, w *sender, tr *seen, ro *reorder, state string) error {
	sel := storeSelection(s.opts.Selection)
	if from := tr.watermark.Add(-dedupWindow); !tr.watermark.IsZero() && from.After(sel.Since) {
		sel.Since = from // never before the user's --since
	}
	return s.readSettled(ctx, sel, state, tr, func(r Row) error {
		if !tr.admit(&r) {
			return nil
		}
		now := time.Now()
		ro.add(r, now)
		ro.release(now, false, w.emit)
		return nil
	})
}

// tail runs one live tail until it drops, the store stalls and answers
// again (errStalled), the tail is stuck while the store answers (errStuck),
// or ctx ends, handing rows through the reorder buffer. Beside it, audits
// re-read what the tail skipped.
func (s *Source) tail(ctx context.Context, w *sender, tr *seen, ro *reorder, startOffset time.Duration) error {
	tctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sel := storeSelection(s.opts.Selection)
	events := s.startTail(tctx, sel, startOffset)
	stop := func(err error) error {
		cancel()
		for ev := <-events; !ev.done; ev = <-events { // let the tail goroutine end
		}
		return err
	}
	tr.startPass()
	lt := &liveTail{started: time.Now()}
	lt.lastSent = lt.started
	sw := newStallWatch(lt.started)
	au := newAuditor(lt.started)
	tick := time.NewTicker(releaseTick)
	defer tick.Stop()
	for {
		var err error
		select {
		case ev := <-events:
			if ev.done {
				s.releaseAll(w, ro)
				return ev.err
			}
			err = s.tailBatch(lt, sw, tr, ro, ev.rows)
		case answered := <-sw.probes:
			err = lt.probed(sw, answered, time.Now())
		case res := <-au.results:
			au.done()
			err = lt.audited(sw, tr, ro, res, time.Now())
		case <-tick.C:
			now := time.Now()
			s.showStall(sw.check(tctx, s.backend, now))
			if au.due(now) {
				au.start(tctx, s.backend, sel, tr, now)
			}
		}
		if err != nil {
			return stop(err)
		}
		ro.release(time.Now(), false, w.emit)
		if err := w.flush(); err != nil {
			return stop(err)
		}
	}
}

// startTail runs the backend's tail in a goroutine that reports on the
// channel it returns, ending with a done event.
func (s *Source) startTail(ctx context.Context, sel Selection, startOffset time.Duration) <-chan tailEvent {
	events := make(chan tailEvent, tailBatchChan)
	go func() {
		err := s.backend.Tail(ctx, sel, startOffset, func(rows []Row) error {
			select {
			case events <- tailEvent{rows: rows}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		events <- tailEvent{err: err, done: true}
	}()
	return events
}

// tailBatch takes a batch of the tail: the empty first one says the tail is
// open. errStalled when the store had stalled.
func (s *Source) tailBatch(lt *liveTail, sw *stallWatch, tr *seen, ro *reorder, rows []Row) error {
	now := time.Now()
	lt.lastSent = now
	if !lt.opened {
		lt.opened = true
		s.setState(model.StateLive)
		if s.onFollow != nil {
			s.onFollow()
		}
	}
	for i := range rows {
		if tr.admit(&rows[i]) {
			ro.add(rows[i], now)
		}
	}
	if sw.life(now) {
		return errStalled
	}
	return nil
}

// showStall puts a stalled store's state on the status line; "" is a store
// that answers, whose state stays as it is.
func (s *Source) showStall(state string) {
	if state != "" {
		s.setState(state)
	}
}

// releaseAll hands on every held row.
func (s *Source) releaseAll(w *sender, ro *reorder) {
	ro.release(time.Now(), true, w.emit)
	_ = w.flush()
}

// wait sleeps the backoff (doubling it for next time) and says so in the
// state; false when ctx ended meanwhile.
func (s *Source) wait(ctx context.Context, backoff *time.Duration, cause error) bool {
	s.setState(fmt.Sprintf("%s, retrying in %v: %v", model.StateDown, backoff.Round(100*time.Millisecond), shortError(cause)))
	d := *backoff
	*backoff = min(2**backoff, backoffMax)
	return sleep(ctx, d)
}

// sleep waits d; false when ctx ended meanwhile.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// gap tells the store about entries that are lost for good.
func (s *Source) gap(w *sender, from, until time.Time, why string) {
	note := fmt.Sprintf("entries from %s to %s %s", from.UTC().Format(time.RFC3339), until.UTC().Format(time.RFC3339), why)
	_ = w.add(model.Record{Source: s.id, Offset: -1, Received: from, Mark: model.MarkGap, Note: note})
	_ = w.flush()
}

// shortError keeps the innermost cause of an error, for the status line.
func shortError(err error) string {
	var ue *UnreachableError
	if errors.As(err, &ue) {
		err = ue.Err
	}
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}
