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

// tuneGC applies the export's collector settings unless GOGC or GOMEMLIMIT
// say otherwise, and returns the function that restores the previous ones.
func tuneGC() (restore func()) {
	percent, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(exportGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" && debug.SetMemoryLimit(-1) == math.MaxInt64 {
		limit = debug.SetMemoryLimit(exportMemoryLimit)
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

// tuiGCPercent is the interface's GOGC. Its store keeps the index outside
// the Go heap, and the heap that is left (about 17 MiB live at the end of
// loading the 1 GiB corpus: batches in flight, the decoders' pools, the
// screen) grew to twice that before each collection. Collecting at half
// again took 6-8 MiB off the peak RSS of that load (186-189 to 180-181
// MiB), for 20 collections of a few milliseconds each instead of 9: no
// difference in the load's time, a refilter's or a triage view's that
// three rounds could tell from the machine's own noise.
const tuiGCPercent = 50

// tuneTUIGC applies the interface's collector setting unless GOGC says
// otherwise.
func tuneTUIGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(tuiGCPercent)
	}
}
