package main

import (
	"bytes"
	"io"
	"math"
	"runtime/debug"
	"strings"
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
	restore := tuneGC(0)
	if p := gcPercent(); p != exportGCPercent {
		t.Fatalf("GOGC unset: the percent is %d, want %d", p, exportGCPercent)
	}
	restore()
	if p := gcPercent(); p != 100 {
		t.Fatalf("restored: the percent is %d, want 100", p)
	}
	t.Setenv("GOGC", "100")
	restore = tuneGC(0)
	if p := gcPercent(); p != 100 {
		t.Fatalf("GOGC=100: the percent is %d, want the environment's 100", p)
	}
	restore()
}

// limitProbe is an input that notes the soft memory limit in force when
// it is first read: the one the command runs under.
type limitProbe struct {
	r     io.Reader
	limit int64
}

func (p *limitProbe) Read(b []byte) (int, error) {
	if p.limit == 0 {
		p.limit = debug.SetMemoryLimit(-1)
	}
	return p.r.Read(b)
}

// TestHeadlessCommandsRunUnderTheBudget: summary and export run under a
// soft memory limit within --max-memory (half of it), not their own 256MiB
// whatever the budget; with the default budget they keep their own.
func TestHeadlessCommandsRunUnderTheBudget(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	t.Setenv("GOMEMLIMIT", "")
	line := "2026-02-10T08:00:00.000000000Z [INFO] [connector] State: Online\n"
	for _, c := range []struct {
		args []string
		want int64
	}{
		{[]string{"summary", "--max-memory", "64MiB", "--format", "json", "-"}, 32 << 20},
		{[]string{"export", "--max-memory", "64MiB", "--format", "ndjson", "-"}, 32 << 20},
		{[]string{"summary", "--format", "json", "-"}, exportMemoryLimit},
		{[]string{"export", "--format", "ndjson", "-"}, exportMemoryLimit},
	} {
		debug.SetMemoryLimit(math.MaxInt64)
		in := &limitProbe{r: strings.NewReader(line)}
		var out, errb bytes.Buffer
		if code := run(c.args, in, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errb.String())
		}
		if in.limit != c.want {
			t.Errorf("%v ran under a soft memory limit of %d, want %d", c.args, in.limit, c.want)
		}
	}
}
