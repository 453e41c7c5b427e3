package main

import "runtime/debug"

// Shares of --max-memory. The budget bounds the whole process, but the
// store can only count its own entries: decoding, batches in flight and
// the garbage collector's headroom take the rest.
const (
	storeShare = 0.55 // of the budget, for entries (the store evicts past it)
	heapShare  = 0.90 // of the budget, the Go heap's soft limit
)

// applyMemoryBudget sets the Go runtime's soft memory limit from the
// budget (0 = none) and returns the store's part of it.
func applyMemoryBudget(budget int64) int64 {
	if budget <= 0 {
		return 0
	}
	debug.SetMemoryLimit(int64(float64(budget) * heapShare))
	return int64(float64(budget) * storeShare)
}
