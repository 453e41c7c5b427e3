package triage

import (
	"testing"
	"time"
)

// TestTrailingFitsShortData: the default comparison over data shorter than
// its two windows compares the data's newer half with its older, windows
// that hold every entry, the newer ending at the newest entry rounded up to
// the second; once the data spans both windows they are 15 minutes again,
// and the entries older than both are counted as outside. Either way each
// window counts exactly the entries whose time it holds.
func TestTrailingFitsShortData(t *testing.T) {
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name   string
		every  time.Duration
		n      int
		length time.Duration // of each window
		all    bool          // the windows hold every entry
	}{
		{"5m25s", 650 * time.Millisecond, 500, 2*time.Minute + 44*time.Second, true},
		{"3m09s", 473 * time.Millisecond, 400, 95 * time.Second, true},
		{"40s", 100 * time.Millisecond, 400, 21 * time.Second, true},
		{"20m", 3 * time.Second, 400, 10*time.Minute + 2*time.Second, true},
		{"2h, out of order", 18 * time.Second, 400, DefaultTrailing, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			tr := New(Options{Compare: &Compare{Trailing: DefaultTrailing, Fit: true}})
			var times []time.Time
			oldest, newest := start, start
			for i := range c.n {
				at := start.Add(time.Duration(i) * c.every)
				if i%10 == 3 { // a late line, a few slots back
					at = at.Add(-5 * c.every)
				}
				times = append(times, at)
				if at.Before(oldest) {
					oldest = at
				}
				if at.After(newest) {
					newest = at
				}
				e := serviceEntry(at, "[INFO] [connector] tick")
				tr.AddEntry(&e)
			}
			got := tr.Report(ReportOptions{}).Changed
			a, b, halved := TrailingPair(&Compare{Trailing: DefaultTrailing, Fit: true}, oldest, newest)
			if a.Length() != c.length || b.Length() != c.length || b.To != a.From || !a.Contains(newest) {
				t.Fatalf("windows %v %v, want two of %v, the newer holding %v", a, b, c.length, newest)
			}
			var inA, inB int64
			for _, at := range times {
				switch {
				case a.Contains(at):
					inA++
				case b.Contains(at):
					inB++
				}
			}
			out := int64(c.n) - inA - inB
			if got.A != a || got.B != b || got.AEntries != inA || got.BEntries != inB || got.Outside != out || inB == 0 {
				t.Errorf("windows %v (%d) %v (%d), %d outside; want %v (%d) %v (%d), %d outside",
					got.A, got.AEntries, got.B, got.BEntries, got.Outside, a, inA, b, inB, out)
			}
			if (out == 0) != c.all || halved != c.all {
				t.Errorf("%d entries outside both windows, halved %v", out, halved)
			}
			if c.all && a.To.Sub(newest) > time.Second {
				t.Errorf("the newer window ends at %v, more than a second after the newest entry %v", a.To, newest)
			}
		})
	}
}

// TestTrailingLengthAskedIsKept: a length asked for (previous:DUR) is kept
// however short the data; without Fit only the default is halved, and only
// while the data spans less than both of its windows.
func TestTrailingLengthAskedIsKept(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	if a, _, _ := TrailingPair(&Compare{Trailing: 30 * time.Minute}, t0, t0.Add(time.Minute)); a.Length() != 30*time.Minute {
		t.Errorf("asked 30m: %v", a)
	}
	if a, b, _ := TrailingPair(nil, t0, t0.Add(time.Minute)); a.Length() != 31*time.Second || b.From.After(t0) {
		t.Errorf("nothing asked, 1m of data: %v %v", a, b)
	}
	if a, _, _ := TrailingPair(nil, t0, t0.Add(20*time.Minute)); a.Length() != 10*time.Minute+time.Second {
		t.Errorf("nothing asked, 20m of data: %v", a)
	}
	// The data fills the two windows ending at 08:30: they are kept.
	if a, b, halved := TrailingPair(nil, t0, t0.Add(29*time.Minute+55*time.Second)); a.Length() != DefaultTrailing || b.From != t0 || halved {
		t.Errorf("nothing asked, 29m55s of data: %v %v", a, b)
	}
	if a, _, _ := TrailingPair(nil, t0, t0.Add(time.Hour)); a.Length() != DefaultTrailing {
		t.Errorf("nothing asked, 1h of data: %v", a)
	}
}

// TestHalves: two windows of whole seconds, the same length, that hold the
// data from its oldest entry to its newest, the newer ending at most a
// second after the newest, the older starting less than two before the
// oldest (its second, or the one before when the span is odd).
func TestHalves(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct{ from, span time.Duration }{
		{0, 0}, {0, 3 * time.Second}, {300 * time.Millisecond, 2*time.Minute + 50*time.Second},
		{999 * time.Millisecond, 189*time.Second + 500*time.Millisecond}, {0, 29 * time.Minute},
	} {
		oldest := t0.Add(c.from)
		newest := oldest.Add(c.span)
		a, b := Halves(oldest, newest)
		if a.Length() != b.Length() || a.Length()%time.Second != 0 || a.Length() <= 0 || b.To != a.From ||
			a.From.Nanosecond() != 0 || !a.Contains(newest) || oldest.Before(b.From) ||
			a.To.Sub(newest) > time.Second || oldest.Sub(b.From) >= 2*time.Second {
			t.Errorf("Halves(%v, %v) = %v, %v", oldest, newest, a, b)
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
