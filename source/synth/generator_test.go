package synth

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestSameSeedSameLines(t *testing.T) {
	opts := Options{Audit: true, Newt: true, Tailscale: true, Hostile: true, RestartEvery: 5 * time.Minute}
	a, _ := generate(7, opts, 30000)
	b, _ := generate(7, opts, 30000)
	for i := range a {
		if !bytes.Equal(a[i].text, b[i].text) || !a[i].at.Equal(b[i].at) || a[i].meta != b[i].meta {
			t.Fatalf("line %d differs:\n%s %v %+v\n%s %v %+v", i, a[i].text, a[i].at, a[i].meta, b[i].text, b[i].at, b[i].meta)
		}
	}
	c, _ := generate(8, opts, 1000)
	same := 0
	for i := range c {
		if bytes.Equal(a[i].text, c[i].text) {
			same++
		}
	}
	if same > len(c)/2 {
		t.Errorf("seeds 7 and 8 share %d of %d lines; the seed should matter", same, len(c))
	}
}

func TestTimesStartAndAdvance(t *testing.T) {
	start := time.Date(2025, 12, 31, 23, 59, 0, 0, time.UTC)
	for _, rate := range []float64{20, 150, 2000} {
		lines, _ := generate(1, Options{Start: start, Rate: rate}, 40000)
		if lines[0].at.Before(start) || lines[0].at.Sub(start) > time.Second {
			t.Errorf("rate %v: first line at %v, want just after %v", rate, lines[0].at, start)
		}
		for i := 1; i < len(lines); i++ {
			if lines[i].at.Before(lines[i-1].at) {
				t.Fatalf("rate %v: line %d goes back in time: %v after %v", rate, i, lines[i].at, lines[i-1].at)
			}
		}
		span := lines[len(lines)-1].at.Sub(lines[0].at).Seconds()
		got := float64(len(lines)-1) / span
		if got < rate*0.8 || got > rate*1.25 {
			t.Errorf("rate %v: measured %.1f lines/s", rate, got)
		}
	}
}

func TestRestartSequence(t *testing.T) {
	lines, g := generate(3, Options{RestartEvery: 3 * time.Minute, TroubleEvery: -1}, 200000)
	restarts := 0
	for i, l := range lines {
		if !l.meta.Restart {
			continue
		}
		restarts++
		prev := lastOf(lines[:i], Connector)
		if prev.meta.PID == l.meta.PID || prev.meta.Run+1 != l.meta.Run {
			t.Errorf("restart at line %d: pid %d run %d after pid %d run %d", i, l.meta.PID, l.meta.Run, prev.meta.PID, prev.meta.Run)
		}
		if s := string(prev.text); s != "[INFO] [connector] State: Error" && s != "[INFO] [connector] State: Offline" {
			t.Errorf("restart at line %d: the old process ended with %q", i, s)
		}
		want := []string{"State: Offline", "State: Authentication", "State: Online"}
		for _, n := range lines[i:] {
			if len(want) > 0 && strings.HasSuffix(string(n.text), want[0]) {
				want = want[1:]
			}
		}
		if len(want) > 0 {
			t.Errorf("restart at line %d: never reached %q", i, want[0])
		}
		if got := string(l.text); got != "[INFO] [connector] State: Offline" {
			t.Errorf("restart at line %d: first line %q", i, got)
		}
	}
	if restarts < 3 {
		t.Fatalf("%d restarts in %v; want several", restarts, lines[len(lines)-1].at.Sub(lines[0].at))
	}
	if g.InvocationID(Connector) == New(3, Options{}).InvocationID(Connector) {
		t.Error("the invocation id did not change across restarts")
	}
}

func lastOf(lines []genLine, p Program) genLine {
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].meta.Program == p {
			return lines[i]
		}
	}
	return genLine{}
}

func TestNoNewlinesInLines(t *testing.T) {
	lines, _ := generate(11, Options{Audit: true, Newt: true, Tailscale: true, Hostile: true}, 100000)
	for i, l := range lines {
		if bytes.IndexByte(l.text, '\n') >= 0 || len(l.text) == 0 {
			t.Fatalf("line %d is empty or holds a newline: %q", i, l.text)
		}
	}
}
