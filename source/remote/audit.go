package remote

import (
	"context"
	"errors"
	"time"
)

// errStuck ends a live tail that sends nothing while the store answers: it
// never opened, or rows it should have sent are in the store. A proxy that
// holds a long response does this. The follow re-reads and opens a new one.
var errStuck = errors.New("the live tail sends nothing while the store answers")

// A store's tail sends each stream's rows newer than the last it sent of
// that stream. The store makes rows searchable through several buffers, each
// flushed on its own timer, so an older row may become searchable after a
// newer one of its stream has gone out: the tail never sends it. An audit
// asks the store, every auditEvery, how many rows each stream has in a
// window behind the tail, and re-reads the window by query when the store
// has more than were handed on. The window ends auditLag before now, when
// the tail has sent what it will, and is auditSpan long, so that each
// second is counted twice and a row late by up to the tail's own reach is
// found.
const (
	auditEvery = 5 * time.Second
	auditLag   = 3 * time.Second
	auditSpan  = 10 * time.Second
)

// auditResult is what one audit found: rows of its window re-read because
// the store holds more than were handed on (none when the counts agree), or
// the error that ended it.
type auditResult struct {
	rows []Row
	err  error
}

// auditor runs one audit at a time beside a live tail.
type auditor struct {
	last    time.Time
	running bool
	results chan auditResult
}

func newAuditor(now time.Time) *auditor {
	return &auditor{last: now, results: make(chan auditResult, 1)}
}

// due reports whether an audit should start now.
func (a *auditor) due(now time.Time) bool {
	return !a.running && now.Sub(a.last) >= auditEvery
}

// start counts, in the background, the store's rows of the window behind
// the tail and compares them with those handed on (tr is read here, in the
// caller's goroutine); the outcome arrives on a.results.
func (a *auditor) start(ctx context.Context, b Backend, sel Selection, tr *seen, now time.Time) {
	a.last, a.running = now, true
	from, until := now.Add(-auditLag-auditSpan), now.Add(-auditLag)
	if from.Before(sel.Since) {
		from = sel.Since // never before the user's --since
	}
	sel.Since, sel.Until = from, until
	had := tr.streamCounts(from, until)
	go func() {
		rows, err := auditWindow(ctx, b, sel, had)
		a.results <- auditResult{rows: rows, err: err}
	}()
}

// done records the end of an audit.
func (a *auditor) done() { a.running = false }

// auditWindow re-reads sel's window when the store counts more rows in a
// stream than had says were handed on; nil when it does not.
func auditWindow(ctx context.Context, b Backend, sel Selection, had map[uint64]int) ([]Row, error) {
	counts, err := b.CountStreams(ctx, sel)
	if err != nil || !storeHasMore(counts, had) {
		return nil, err
	}
	var rows []Row
	err = b.Query(ctx, sel, func(r Row) error { rows = append(rows, r); return nil })
	return rows, err
}

// storeHasMore reports whether a stream holds more rows in the store than
// were handed on.
func storeHasMore(counts map[string]int, had map[uint64]int) bool {
	for stream, n := range counts {
		if n > had[streamHash(stream)] {
			return true
		}
	}
	return false
}
