package remote

import (
	"sync"
	"time"

	"connlog/model"
)

// lateTally counts the rows handed on after a newer one had been. Within
// the reorder window (reorderHold) rows are put in time order; a row the
// store has only later (the re-read of what its tail skipped comes about
// 5 s late, a reconnect's later still) comes after newer ones that have
// gone out. The ingest goroutine notes; the status reads at any time.
type lateTally struct {
	newest time.Time // the newest row time handed on: the noting goroutine's alone
	mu     sync.Mutex
	late   model.LateRows
}

// note takes a row as it is handed on.
func (l *lateTally) note(r *Row) {
	if !r.Time.Before(l.newest) {
		l.newest = r.Time
		return
	}
	l.mu.Lock()
	l.late.Count++
	l.late.Time, l.late.Host = r.Time, r.Fields.Hostname
	l.mu.Unlock()
}

// get is what was tallied so far.
func (l *lateTally) get() model.LateRows {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.late
}
