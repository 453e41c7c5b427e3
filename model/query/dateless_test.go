package query

import (
	"slices"
	"testing"
	"time"
)

// A compiled query lists its times written without a date, as written and
// where they fell, in the order written, so that the day taken can be
// shown: on a log of 21:00 to 02:30 read the morning after, 23:00 is the
// evening before and 01:00 the night after it. Dated and relative times
// are not listed; a negated term is.
func TestDatelessTimes(t *testing.T) {
	evening, night := time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC), time.Date(2026, 11, 21, 2, 30, 0, 0, time.UTC)
	opt := Options{Now: time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC), Day: night, First: evening, Last: night, Location: time.UTC}
	tests := []struct {
		src  string
		want []Dateless
	}{
		{"since:23:00 until:01:00", []Dateless{
			{"since:23:00", time.Date(2026, 11, 20, 23, 0, 0, 0, time.UTC)},
			{"until:01:00", time.Date(2026, 11, 21, 1, 0, 0, 0, time.UTC)}}},
		{"level>=warn (time>=23:30:15.5 or -since:2026-11-20T22:00) -until:22:00", []Dateless{
			{"time>=23:30:15.5", time.Date(2026, 11, 20, 23, 30, 15, 5e8, time.UTC)},
			{"until:22:00", time.Date(2026, 11, 20, 22, 0, 0, 0, time.UTC)}}},
		{"since:1h until:2026-11-21T01:00 timeout", nil},
	}
	for _, tt := range tests {
		q, err := Compile(tt.src, opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.DatelessTimes(); !slices.EqualFunc(got, tt.want, func(a, b Dateless) bool { return a.Term == b.Term && a.At.Equal(b.At) }) {
			t.Errorf("%s: %v, want %v", tt.src, got, tt.want)
		}
	}
	if (*Query)(nil).DatelessTimes() != nil {
		t.Error("the empty query lists times")
	}
}

// DayTimeText writes a time taken for one written without a date with its
// day, to the precision it was written to.
func TestDayTimeText(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database")
	}
	for _, c := range []struct {
		at   time.Time
		loc  *time.Location
		want string
	}{
		{time.Date(2026, 12, 5, 23, 0, 0, 0, time.UTC), time.UTC, "2026-12-05 23:00"},
		{time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC), time.UTC, "2026-12-06 00:00"},
		{time.Date(2026, 12, 5, 23, 59, 59, 0, time.UTC), time.UTC, "2026-12-05 23:59:59"},
		{time.Date(2026, 12, 5, 8, 0, 0, 25e7, time.UTC), time.UTC, "2026-12-05 08:00:00.25"},
		{time.Date(2026, 12, 6, 4, 0, 0, 0, time.UTC), ny, "2026-12-05 23:00"},
	} {
		if got := DayTimeText(c.at, c.loc); got != c.want {
			t.Errorf("DayTimeText(%v, %v) = %q, want %q", c.at, c.loc, got, c.want)
		}
	}
}
