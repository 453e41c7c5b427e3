package cputime

import (
	"testing"
	"time"
)

// Work on the CPU shows in the process's CPU time, which never goes back.
func TestProcessCountsWork(t *testing.T) {
	before := Process()
	x := uint64(1)
	for deadline := time.Now().Add(10 * time.Second); Process()-before < 20*time.Millisecond; {
		if now := Process(); now < before {
			t.Fatalf("CPU time went back from %v to %v", before, now)
		}
		if time.Now().After(deadline) {
			t.Fatalf("10 s of spinning added %v of CPU time", Process()-before)
		}
		for range 1 << 16 {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	if x == 0 {
		t.Log(x) // keeps the loop's work
	}
}
