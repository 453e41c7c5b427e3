package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Shares of --max-memory. The budget bounds the whole process, but the
// store can only count its own entries: decoding, batches in flight and
// the garbage collector's headroom take the rest. The store keeps its
// index outside the Go heap, where the runtime's memory limit does not
// see it, so the heap's soft limit is what the store's share leaves.
const (
	storeShare = 0.45 // of the budget, for entries (the store evicts past it)
	heapShare  = 0.45 // of the budget, the Go heap's soft limit
)

// applyMemoryBudget sets the Go runtime's soft memory limit from the
// budget (0 = none) and returns the store's part of it.
func applyMemoryBudget(budget int64) int64 {
	if budget <= 0 {
		return 0
	}
	debug.SetMemoryLimit(int64(float64(budget) * heapShare))
	return storeBudget(budget)
}

// storeBudget is the store's part of the budget (0 = none): what it evicts
// past, and what the status line's meter compares its use with, so that
// the meter reads full when eviction begins.
func storeBudget(budget int64) int64 {
	if budget <= 0 {
		return 0
	}
	return int64(float64(budget) * storeShare)
}

// Bounds of the default budget.
const (
	minDefaultBudget = 512 << 20
	maxDefaultBudget = 2 << 30
)

// defaultMemoryBudget is a quarter of the machine's memory, between 512MiB
// and 2GiB: a connector host with 2 GB keeps 1.5 GB for its own work, and
// a bigger machine can hold a whole day of level-7 logs.
func defaultMemoryBudget() int64 {
	return clampBudget(memTotal() / 4)
}

func clampBudget(b int64) int64 { return min(max(b, minDefaultBudget), maxDefaultBudget) }

// memTotal reads MemTotal from /proc/meminfo; 0 when it cannot.
func memTotal() int64 {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}
