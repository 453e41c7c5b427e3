package triage

import (
	"testing"
	"time"
)

// TestTrailingFitsShortData: the default comparison over data shorter than
// its windows compares the data's newer half with its older, as the
// interface's view does, not the data with an empty baseline; once the data
// spans the whole length the windows are 15 minutes again. Either way each
// window counts exactly the entries whose time it holds.
func TestTrailingFitsShortData(t *testing.T) {
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name   string
		every  time.Duration
		n      int
		length time.Duration
	}{
		{"5m25s", 650 * time.Millisecond, 500, 2 * time.Minute},
		{"40s", 100 * time.Millisecond, 400, 20 * time.Second},
		{"20m", 3 * time.Second, 400, DefaultTrailing},
		{"2h, out of order", 18 * time.Second, 400, DefaultTrailing},
	} {
		t.Run(c.name, func(t *testing.T) {
			tr := New(Options{Compare: &Compare{Trailing: DefaultTrailing, Fit: true}})
			var times []time.Time
			for i := range c.n {
				at := start.Add(time.Duration(i) * c.every)
				if i%10 == 3 { // a late line, a few slots back
					at = at.Add(-5 * c.every)
				}
				times = append(times, at)
				e := serviceEntry(at, "[INFO] [connector] tick")
				tr.AddEntry(&e)
			}
			got := tr.Report(ReportOptions{}).Changed
			newest := times[len(times)-2] // the last is a late one in no case
			if times[len(times)-1].After(newest) {
				newest = times[len(times)-1]
			}
			if l := TrailingLength(&Compare{Trailing: DefaultTrailing, Fit: true}, start, newest); l != c.length {
				t.Fatalf("length %v, want %v", l, c.length)
			}
			a, b := TrailingWindows(newest, c.length)
			var inA, inB int64
			for _, at := range times {
				switch {
				case a.Contains(at):
					inA++
				case b.Contains(at):
					inB++
				}
			}
			if got.A != a || got.B != b || got.AEntries != inA || got.BEntries != inB || inB == 0 {
				t.Errorf("windows %v (%d) %v (%d), want %v (%d) %v (%d)", got.A, got.AEntries, got.B, got.BEntries, a, inA, b, inB)
			}
		})
	}
}

// TestTrailingLengthAskedIsKept: a length asked for (previous:DUR) is kept
// however short the data; without Fit only the default is halved.
func TestTrailingLengthAskedIsKept(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	if l := TrailingLength(&Compare{Trailing: 30 * time.Minute}, t0, t0.Add(time.Minute)); l != 30*time.Minute {
		t.Errorf("asked 30m: %v", l)
	}
	if l := TrailingLength(nil, t0, t0.Add(time.Minute)); l != 30*time.Second {
		t.Errorf("nothing asked, 1m of data: %v", l)
	}
	if l := TrailingLength(nil, t0, t0.Add(time.Hour)); l != DefaultTrailing {
		t.Errorf("nothing asked, 1h of data: %v", l)
	}
}

// TestHalfSpan: about half the span, in whole minutes from a minute on and
// whole seconds below.
func TestHalfSpan(t *testing.T) {
	for span, want := range map[time.Duration]time.Duration{
		0: time.Second, 3 * time.Second: 2 * time.Second, 2*time.Minute + 50*time.Second: time.Minute, 29 * time.Minute: 14 * time.Minute,
	} {
		t0 := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
		if got := halfSpan(t0, t0.Add(span)); got != want {
			t.Errorf("halfSpan over %v = %v, want %v", span, got, want)
		}
	}
}

// TestTrailingWindowsAreTheirLength: windows shorter than 15 slots are as
// long as asked, not 15 seconds, and every edge falls on a whole slot that
// divides the length.
func TestTrailingWindowsAreTheirLength(t *testing.T) {
	newest := time.Date(2026, 2, 10, 8, 3, 7, 500, time.UTC)
	for _, length := range []time.Duration{time.Second, 2 * time.Second, 25 * time.Second, 100 * time.Second, 7 * time.Minute, DefaultTrailing} {
		a, b := TrailingWindows(newest, length)
		slot := trailingSlot(length)
		if a.Length() != length || b.Length() != length || b.To != a.From || !a.Contains(newest) ||
			length%slot != 0 || a.To.UnixNano()%int64(slot) != 0 {
			t.Errorf("%v: windows %v %v, slot %v", length, a, b, slot)
		}
	}
}
