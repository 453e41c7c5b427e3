package source

import (
	"runtime"
	"testing"
)

// A machine with many CPUs decodes with a few workers and a few jobs
// waiting, not one and two a CPU: each holds memory, and the serial stages
// around them leave the extra workers idle (see maxDecodeWorkers).
func TestDecodingRunsAheadAsFarOnEveryMachine(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, c := range []struct{ cpus, workers, queued int }{{1, 0, 0}, {2, 2, 4}, {3, 3, 4}, {4, 4, 4}, {8, 4, 4}, {64, 4, 4}} {
		runtime.GOMAXPROCS(c.cpus)
		w := decodeWorkers()
		if q := queuedJobs(w); w != c.workers || q != c.queued {
			t.Errorf("%d CPUs: %d decoding workers and %d jobs queued, want %d and %d", c.cpus, w, q, c.workers, c.queued)
		}
	}
}
