package main

import (
	"sync"
	"time"
)

// A load allocates far more than the store keeps (batches in flight, read
// blocks, each file's decoders), and the runtime gives the freed pages back
// only a little at a time: after loading 50 files the interface held
// 155 MiB for a 9 MiB store, and 83 MiB once they were given back; after
// the 1 GiB corpus, 130 MiB against 116. A connector host is short of
// memory, and a user checking top right after opening a file sees it. So
// the interface tells a load from the quiet after it (loadStarted,
// loadOver in gctune.go).
const (
	loadQuiet = 2 * time.Second // no entry stored for this long: the load is over
	loadLeast = 100_000         // entries stored since the last quiet that make a load
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
