package main

import (
	"math"
	"os"
	"runtime/debug"
)

// Garbage collection of a headless export. Its live heap is small (a batch
// in flight, the pair tracker) while it allocates the whole input once, so
// the default GOGC collects every few megabytes; a higher percentage cuts
// the collector's work by more than half, and the soft limit keeps a large
// live heap from growing five-fold.
const (
	exportGCPercent   = 400
	exportMemoryLimit = 256 << 20 // bytes
)

// headlessHeapShare is the part of --max-memory a headless command's heap
// may take: it holds no store, so its heap is what it holds, and the rest
// is the runtime's and the collector's headroom (with GOGC at 400 the peak
// RSS of a summary is about 1.4 times the soft limit).
const headlessHeapShare = 0.5

// headlessMemoryLimit is the soft memory limit of export and summary under
// the budget (0: none): their own, or less when the budget asks for less.
// The default budget (512MiB at least) leaves their own.
func headlessMemoryLimit(budget int64) int64 {
	if budget <= 0 {
		return exportMemoryLimit
	}
	return min(exportMemoryLimit, int64(float64(budget)*headlessHeapShare))
}

// tuneGC applies the export's collector settings under budget (see
// headlessMemoryLimit) unless GOGC or GOMEMLIMIT say otherwise, and
// returns the function that restores the previous ones.
func tuneGC(budget int64) (restore func()) {
	percent, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(exportGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" && debug.SetMemoryLimit(-1) == math.MaxInt64 {
		limit = debug.SetMemoryLimit(headlessMemoryLimit(budget))
	}
	return func() {
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}

// The interface's GOGC, while it loads and once it is quiet. Its store
// keeps the index outside the Go heap, and the heap that is left (13 MiB
// live early in loading the 1 GiB corpus, 18 MiB at its end: batches in
// flight, the decoders' pools, the symbol table, the screen) grew to twice
// that before each collection. Collecting at half again took 6-8 MiB off
// that load's peak RSS; at 30% (measured against 50%), 4 MiB more:
// 126.7-127.0 MiB against 130.7-131.3, for 40 collections instead of 23.
// A load collects at 20%: about 1 MiB more off its peak (anonymous memory
// 113.1-114.8 MiB against 114.7-115.4), a margin for W10 (half of lnav's
// 259 MiB), which a noisy run came close to, for 59 collections instead of 38,
// 259 ms of CPU instead of 169 in a load of 10-12 s. Once the load is over
// the interface collects at 30% again: the triage views and refilters
// allocate much more than the heap holds, and at 20% the templates view
// of W12 took 2.2-2.5 s instead of 1.8-2.0.
const (
	tuiLoadGCPercent = 20
	tuiGCPercent     = 30
)

// loadStarted and loadOver are told when a load begins and ends (see
// loadPhases); the interface starts with a load, and so with loadStarted.
func loadStarted() { setTUIGCPercent(tuiLoadGCPercent) }

func loadOver() { setTUIGCPercent(tuiGCPercent) }

// setTUIGCPercent sets the collector's percentage unless GOGC is given.
func setTUIGCPercent(p int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(p)
	}
}
