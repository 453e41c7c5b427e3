package query

import (
	"testing"
	"time"
)

// FixTimes writes every time a query's terms name as its moment in UTC,
// and leaves the rest of the text as it was.
func TestFixTimesWritesTheMomentsInUTC(t *testing.T) {
	paris := time.FixedZone("CET", 3600) // Paris in November
	now := time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, paris)
	opt := Options{Now: now, Location: paris, Day: day}
	tests := []struct{ src, want string }{
		{"level>=error since:15m", "level>=error since:2026-11-21T09:15:00Z"},
		{"since:-1h30m until:now", "since:2026-11-21T08:00:00Z until:2026-11-21T09:30:00Z"},
		{`"code 410" since:yesterday`, `"code 410" since:2026-11-19T23:00:00Z`},
		{`since:"2026-11-20 08:00" or time>=2026-11-20T07:00:00Z`, `since:2026-11-20T07:00:00Z or time>=2026-11-20T07:00:00Z`},
		{"(user:alice* until:08:00:30.5) -SINCE:@1763625600", "(user:alice* until:2026-11-20T07:00:30.5Z) -SINCE:2025-11-20T08:00:00Z"},
		{"since:words and more", "since:words and more"},
		{"no times here", "no times here"},
		{".since:15m", ".since:15m"}, // a key named since, not the bound
	}
	for _, tt := range tests {
		got, err := FixTimes(tt.src, opt)
		if err != nil && tt.src != "since:words and more" {
			t.Errorf("FixTimes(%q): %v", tt.src, err)
			continue
		}
		if got != tt.want {
			t.Errorf("FixTimes(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// A time without a date is kept as written while its day is not known;
// so is a query that does not compile, whose error is returned.
func TestFixTimesKeepsWhatItCannotFix(t *testing.T) {
	opt := Options{Now: time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC), Location: time.UTC}
	if got, err := FixTimes("since:08:00 until:15m", opt); err != nil || got != "since:08:00 until:2026-11-21T09:15:00Z" {
		t.Errorf("got %q, %v; want the clock time kept and the duration fixed", got, err)
	}
	if got, err := FixTimes("since:nonsense", opt); err == nil || got != "since:nonsense" {
		t.Errorf("got %q, %v; want the text and its error", got, err)
	}
}

// What FixTimes writes selects what the query selected when it was
// written, read at any later time and in any zone.
func TestFixTimesMeansTheSameLaterAndElsewhere(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	now := time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)
	src := `since:2h until:"2026-11-21 09:00"`
	opt := Options{Now: now, Location: time.UTC}
	fixed, err := FixTimes(src, opt)
	if err != nil {
		t.Fatal(err)
	}
	was, _ := Compile(src, opt)
	later, err := Compile(fixed, Options{Now: now.Add(72 * time.Hour), Location: tokyo})
	if err != nil {
		t.Fatal(err)
	}
	s1, u1 := was.TimeBounds()
	s2, u2 := later.TimeBounds()
	if !s1.Equal(s2) || !u1.Equal(u2) {
		t.Errorf("%q read later in Tokyo: [%v, %v], want [%v, %v]", fixed, s2, u2, s1, u1)
	}
}
