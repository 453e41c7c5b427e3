package main

import (
	"sync"
	"time"
)

// The interface collects garbage harder while it loads than once the load
// is over (see tuiLoadGCPercent), so it tells a load from the quiet after
// it by the entries it stores. A load ends as soon as the entries stop:
// a view opened right after it must not pay for the load's setting.
const (
	loadQuiet = 250 * time.Millisecond // no entry stored for this long: the load is over
	loadLeast = 100_000                // entries stored since the last quiet that make a load
)

// loadPhases calls started once at least least entries were stored since
// the last quiet, and over once none was then stored for quiet: at the end
// of a load, not while a followed file keeps bringing lines.
type loadPhases struct {
	quiet         time.Duration
	least         int
	started, over func()

	mu     sync.Mutex
	count  int         // entries stored since over last ran
	timer  *time.Timer // armed once count reaches least; reset by each batch
	closed bool
}

func newLoadPhases(quiet time.Duration, least int, started, over func()) *loadPhases {
	return &loadPhases{quiet: quiet, least: least, started: started, over: over}
}

// stored notes n entries stored.
func (l *loadPhases) stored(n int) {
	l.mu.Lock()
	l.count += n
	begins := false
	switch {
	case l.count < l.least:
	case l.timer == nil:
		l.timer, begins = time.AfterFunc(l.quiet, l.fire), true
	default:
		l.timer.Reset(l.quiet)
	}
	l.mu.Unlock()
	if begins {
		l.started()
	}
}

// fire ends the load and starts counting afresh. A timer reset just as it
// fired may fire once more: over runs again, which does no harm.
func (l *loadPhases) fire() {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return
	}
	l.count, l.timer = 0, nil
	l.mu.Unlock()
	l.over()
}

// close stops the phases: over does not run after it returns but for one
// already running (a timer that fires later finds them closed).
func (l *loadPhases) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if l.timer != nil {
		l.timer.Stop()
	}
}
