package main

import (
	"runtime/debug"
	"testing"
)

// gcPercent returns the collector's percentage, leaving it as it is.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestTUICollectsAtItsOwnPercentUnlessGOGCSays: the interface sets its own
// GOGC, one for a load and one once it is over, and one given in the
// environment wins over both.
func TestTUICollectsAtItsOwnPercentUnlessGOGCSays(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	debug.SetGCPercent(100)
	for _, step := range []struct {
		name string
		do   func()
		want int
	}{{"at start", loadStarted, tuiLoadGCPercent}, {"load over", loadOver, tuiGCPercent}, {"load started again", loadStarted, tuiLoadGCPercent}} {
		step.do()
		if p := gcPercent(); p != step.want {
			t.Fatalf("GOGC unset, %s: the percent is %d, want %d", step.name, p, step.want)
		}
	}
	t.Setenv("GOGC", "100")
	debug.SetGCPercent(100)
	for _, do := range []func(){loadStarted, loadOver} {
		do()
		if p := gcPercent(); p != 100 {
			t.Fatalf("GOGC=100: the percent is %d, want the environment's 100", p)
		}
	}
}

// TestExportCollectsAtItsOwnPercentUntilRestored: the export's setting
// applies unless GOGC is given, and restore puts the previous one back.
func TestExportCollectsAtItsOwnPercentUntilRestored(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(100)
	restore := tuneGC()
	if p := gcPercent(); p != exportGCPercent {
		t.Fatalf("GOGC unset: the percent is %d, want %d", p, exportGCPercent)
	}
	restore()
	if p := gcPercent(); p != 100 {
		t.Fatalf("restored: the percent is %d, want 100", p)
	}
	t.Setenv("GOGC", "100")
	restore = tuneGC()
	if p := gcPercent(); p != 100 {
		t.Fatalf("GOGC=100: the percent is %d, want the environment's 100", p)
	}
	restore()
}
