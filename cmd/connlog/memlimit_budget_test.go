package main

import (
	"io"
	"math"
	"runtime/debug"
	"strings"
	"testing"
)

// What the interface's RSS held beside the store's entries at its peak,
// measured with bench/budget.sh (a 200 MB log followed at 1000 lines/s,
// then s, P, S and C and a bundle export): 51-61 MiB under 32, 64 and
// 128MiB. The binary's image alone is 14 MiB of it.
const (
	measuredBesideStore = 61 << 20
	measuredProgram     = 20 << 20
)

// --max-memory bounds the whole process: the store's share and the heap's
// soft limit leave room for the program itself and for the memory the
// interface works in beside its entries. Under 64MiB the peak RSS was 1.4
// times the budget while the meter read full at 28.8MiB.
func TestBudgetLeavesRoomBesideTheStore(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	for _, mib := range []int64{80, 96, 128, 256, 512, 2048} {
		budget := mib << 20
		store := applyMemoryBudget(budget)
		heap := debug.SetMemoryLimit(-1)
		if store+measuredBesideStore > budget {
			t.Errorf("%dMiB: the store may take %d bytes, and what was measured beside it %d: %d over the budget",
				mib, store, measuredBesideStore, store+measuredBesideStore-budget)
		}
		if store+heap+measuredProgram > budget {
			t.Errorf("%dMiB: the store's %d, the heap's soft limit %d and the program's %d add up past the budget",
				mib, store, heap, measuredProgram)
		}
		if store < 16<<20 {
			t.Errorf("%dMiB: the store gets %d bytes, too few to be of use", mib, store)
		}
	}
}

// A big budget keeps the store's share it had (W8 holds the whole 1 GiB
// corpus under 256MiB with it).
func TestBigBudgetKeepsTheStoreShare(t *testing.T) {
	for _, mib := range []int64{128, 256, 1024} {
		if got, want := storeBudget(mib<<20), int64(math.Floor(float64(mib<<20)*0.45)); got < want {
			t.Errorf("%dMiB: the store's share is %d, want at least %d", mib, got, want)
		}
	}
}

// A budget the interface cannot keep is refused with the least it can,
// while export and summary, which hold no store, still take it.
func TestInterfaceRefusesABudgetItCannotKeep(t *testing.T) {
	_, err := parseArgs([]string{"--max-memory", "64MiB", "x.log"}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "at least 80MiB") || !strings.Contains(err.Error(), "export") {
		t.Errorf("interface under 64MiB: err = %v, want one saying it needs at least 80MiB", err)
	}
	if _, err := parseArgs([]string{"--max-memory", "80MiB", "x.log"}, io.Discard); err != nil {
		t.Errorf("interface under 80MiB: %v", err)
	}
	if _, err := parseArgs([]string{"export", "--max-memory", "32MiB", "x.log"}, io.Discard); err != nil {
		t.Errorf("export under 32MiB: %v", err)
	}
}
