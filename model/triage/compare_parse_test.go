package triage

import (
	"strings"
	"testing"
	"time"

	"connlog/model/query"
)

func TestParseCompare(t *testing.T) {
	day := time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
	opt := query.Options{Now: day.Add(30 * time.Hour), Location: time.UTC, Day: day}
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	cases := []struct {
		name, text string
		want       Compare
		err        string
	}{
		{"previous", "previous", Compare{Trailing: DefaultTrailing, Fit: true}, ""},
		{"previous, whole seconds", "previous:1.5s", Compare{}, "in whole seconds"},
		{"previous for a while", "previous:30m", Compare{Trailing: 30 * time.Minute}, ""},
		{"one window", "09:00..09:10", Compare{A: Window{at(9, 0), at(9, 10)}}, ""},
		{"two windows", "09:00..09:10, 08:00..08:10", Compare{A: Window{at(9, 0), at(9, 10)}, B: Window{at(8, 0), at(8, 10)}}, ""},
		{"dated", "2026-02-10 09:00..2026-02-10 09:05", Compare{A: Window{at(9, 0), at(9, 5)}}, ""},
		{"no dots", "yesterday", Compare{}, "no .. between"},
		{"backwards", "09:10..09:00", Compare{}, "ends before it starts"},
		{"bad duration", "previous:soon", Compare{}, "a duration of a second or more"},
		{"bad time", "09:00..later", Compare{}, `"09:00..later"`},
		{"bad baseline", "09:00..09:10,x", Compare{}, "no .. between"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseCompare(c.text, opt)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "FROM..TO") {
					t.Fatalf("ParseCompare(%q) = %v, %v; want an error with %q and what is accepted", c.text, got, err, c.err)
				}
				return
			}
			if err != nil || *got != c.want {
				t.Fatalf("ParseCompare(%q) = %+v, %v; want %+v", c.text, got, err, c.want)
			}
		})
	}
}

func TestCompareNeedsDay(t *testing.T) {
	if !CompareNeedsDay("09:00..09:10") || CompareNeedsDay("2026-02-10 09:00..2026-02-10 09:10") {
		t.Error("a time without a date needs the day of the data; a dated one does not")
	}
}

// TestTrailingWindowsAreTheEngines: the windows a view computes ahead of
// time are the ones the engine reports for the same newest entry.
func TestTrailingWindowsAreTheEngines(t *testing.T) {
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	for _, length := range []time.Duration{DefaultTrailing, 90 * time.Second, 10 * time.Second} {
		tr := New(Options{Compare: &Compare{Trailing: length}})
		var newest time.Time
		for i := range 400 {
			newest = start.Add(time.Duration(i) * 7 * time.Second)
			e := serviceEntry(newest, "[INFO] [connector] tick")
			tr.AddEntry(&e)
		}
		r := tr.Report(ReportOptions{})
		a, b := TrailingWindows(newest, length)
		if r.Changed.A != a || r.Changed.B != b {
			t.Errorf("%v: engine windows %v %v, TrailingWindows %v %v", length, r.Changed.A, r.Changed.B, a, b)
		}
	}
}
