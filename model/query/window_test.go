package query

import (
	"testing"
	"time"
)

func TestWindow(t *testing.T) {
	loc := time.FixedZone("X", 3600)
	at := func(s string) time.Time { tm, _ := time.ParseInLocation(boundLayout, s, loc); return tm }
	for _, c := range []struct {
		name     string
		from, to time.Time
		want     string
	}{
		{"whole seconds", at("2026-12-05T10:00:00"), at("2026-12-05T10:01:00"), "since:2026-12-05T10:00:00 time<2026-12-05T10:01:00"},
		{"fractions kept", at("2026-12-05T10:00:00.25"), at("2026-12-05T10:00:00.000000001"),
			"since:2026-12-05T10:00:00.25 time<2026-12-05T10:00:00.000000001"},
		{"open end", at("2026-12-05T10:00:00"), time.Time{}, "since:2026-12-05T10:00:00"},
		{"open start", time.Time{}, at("2026-12-05T10:00:00"), "time<2026-12-05T10:00:00"},
		{"open", time.Time{}, time.Time{}, ""},
	} {
		if got := Window(c.from, c.to, loc); got != c.want {
			t.Errorf("%s: Window = %q, want %q", c.name, got, c.want)
		}
	}
	// The window selects [from, to): what it writes reads back to those instants.
	from, to := at("2026-12-05T10:00:00.25"), at("2026-12-05T10:01:00")
	q, err := Compile(Window(from, to, loc), Options{Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	if lo, hi := q.TimeBounds(); !lo.Equal(from) || !hi.Equal(to) {
		t.Errorf("bounds read back %v–%v, want %v–%v", lo, hi, from, to)
	}
}
