package main

import (
	"runtime/debug"
	"sync"
	"time"
)

// Memory a load freed goes back to the system once the load is over.
// Loading a file allocates far more than the store keeps (batches in
// flight, read blocks, each file's decoders), and the runtime gives the
// freed pages back only a little at a time: after loading 50 files the
// interface held 155 MiB for a 9 MiB store, 78 MiB once given back, and
// after the 1 GiB corpus 129 MiB against 116. A connector host is short of
// memory, and a user checking top right after opening a file sees it.
const (
	returnAfterQuiet = 2 * time.Second // no entry stored for this long: the load is over
	returnAfterLoad  = 100_000         // entries stored since memory was last given back
)

// memoryReturner gives freed memory back (free) once at least least
// entries were stored and then none for quiet: at the end of a load, not
// while a followed file keeps bringing lines.
type memoryReturner struct {
	quiet time.Duration
	least int
	free  func()

	mu     sync.Mutex
	count  int         // entries stored since free last ran
	timer  *time.Timer // armed once count reaches least; reset by each batch
	closed bool
}

func newMemoryReturner(quiet time.Duration, least int, free func()) *memoryReturner {
	return &memoryReturner{quiet: quiet, least: least, free: free}
}

// returnFreedMemory is the free the interface uses.
func returnFreedMemory() { debug.FreeOSMemory() }

// stored notes n entries stored.
func (r *memoryReturner) stored(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count += n
	switch {
	case r.count < r.least:
	case r.timer == nil:
		r.timer = time.AfterFunc(r.quiet, r.fire)
	default:
		r.timer.Reset(r.quiet)
	}
}

// fire gives the memory back and starts counting afresh.
func (r *memoryReturner) fire() {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return
	}
	r.count, r.timer = 0, nil
	r.mu.Unlock()
	r.free()
}

// close stops the returner: nothing is given back after it returns but a
// free already running (a timer that fires later finds it closed).
func (r *memoryReturner) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	if r.timer != nil {
		r.timer.Stop()
	}
}
