package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// How --max-memory is spent. The budget bounds the whole process, but the
// store can only count its own entries. Beside them the interface needs a
// fixed amount whatever it holds: the program itself (its image, the
// runtime, the screen) and the heap it works in (a load's blocks and
// batches in flight, a triage view's chunks and counts, an export's
// buffers, and the collector's headroom over them, with evicted chunks
// that a snapshot still reads). bench/budget.sh measured 51-61 MiB of RSS
// beside the entries at their peak (a 200 MB log followed at 1000 lines/s
// with s, P, S and C opened and a bundle exported), of which the binary's
// image is 14 MiB. The store gets what is left, and no more than
// storeShare of the budget, which big budgets keep as they had it.
const (
	storeShare     = 0.45     // of the budget at most, for entries (the store evicts past it)
	programReserve = 20 << 20 // bytes: the program itself, outside the Go heap
	workingReserve = 44 << 20 // bytes: the heap the interface works in beside the store
	minStoreBudget = 16 << 20 // bytes: the least store worth holding
	// minTUIBudget is the least budget the interface can keep.
	minTUIBudget = programReserve + workingReserve + minStoreBudget
)

// applyMemoryBudget sets the Go runtime's soft memory limit from the
// budget (0 = none) and returns the store's part of it. The store keeps
// its index outside the Go heap, where the runtime's limit does not see
// it, so the heap's limit is what the store and the program leave.
func applyMemoryBudget(budget int64) int64 {
	if budget <= 0 {
		return 0
	}
	store := storeBudget(budget)
	debug.SetMemoryLimit(budget - store - programReserve)
	return store
}

// storeBudget is the store's part of the budget (0 = none): what it evicts
// past, and what the status line's meter compares its use with, so that
// the meter reads full when eviction begins.
func storeBudget(budget int64) int64 {
	if budget <= 0 {
		return 0
	}
	return max(min(int64(float64(budget)*storeShare), budget-programReserve-workingReserve), 0)
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
