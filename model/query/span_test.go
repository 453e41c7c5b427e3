package query

import (
	"testing"
	"time"
)

func TestOutsideSpan(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	first, last := at(20, 8, 0), at(20, 9, 12)
	var zero time.Time
	tests := []struct {
		name         string
		since, until time.Time
		first, last  time.Time
		want         string
	}{
		{"today on yesterday's log", at(21, 8, 1), zero, first, last, "no entries since 2026-11-21 08:01; the input spans 2026-11-20 08:00–09:12"},
		{"a day after the log", at(21, 0, 0), zero, first, last, "no entries since 2026-11-21; the input spans 2026-11-20 08:00–09:12"},
		{"until before the log", zero, at(19, 8, 0), first, last, "no entries up to 2026-11-19 08:00; the input spans 2026-11-20 08:00–09:12"},
		{"window on another day", at(21, 8, 0), at(21, 9, 0), first, last, "no entries on 2026-11-21; the input spans 2026-11-20 08:00–09:12"},
		{"window over midnight", at(21, 23, 0), at(22, 1, 0), first, last,
			"no entries from 2026-11-21 23:00 to 2026-11-22 01:00; the input spans 2026-11-20 08:00–09:12"},
		{"span over midnight", at(23, 8, 0), zero, at(20, 23, 0), at(21, 1, 0),
			"no entries since 2026-11-23 08:00; the input spans 2026-11-20 23:00 – 2026-11-21 01:00"},
		{"since later the same day", at(20, 10, 0), zero, first, last,
			"no entries since 2026-11-20 10:00; the input spans 2026-11-20 08:00–09:12"},
		{"window later the same day", at(20, 10, 0), at(20, 11, 0), first, last,
			"no entries from 2026-11-20 10:00 to 11:00; the input spans 2026-11-20 08:00–09:12"},
		{"window on the first day of a span over midnight", at(20, 22, 0), at(20, 22, 10), at(20, 22, 50), at(21, 0, 29),
			"no entries from 2026-11-20 22:00 to 22:10; the input spans 2026-11-20 22:50 – 2026-11-21 00:29"},
		{"window on the last day of a span over midnight", at(21, 1, 0), at(21, 1, 10), at(20, 22, 50), at(21, 0, 29),
			"no entries from 2026-11-21 01:00 to 01:10; the input spans 2026-11-20 22:50 – 2026-11-21 00:29"},
		{"until the midnight that begins the data's day", zero, at(20, 0, 0), first, last,
			"no entries up to 2026-11-20 00:00; the input spans 2026-11-20 08:00–09:12"},
		{"window to a midnight", at(10, 0, 0), at(11, 0, 0), first, last,
			"no entries from 2026-11-10 to 2026-11-11 00:00; the input spans 2026-11-20 08:00–09:12"},
		{"window meets the span", at(20, 9, 0), zero, first, last, ""},
		{"window inside a gap of the span", at(20, 8, 30), at(20, 8, 31), first, last, ""},
		{"no bound", zero, zero, first, last, ""},
		{"no data", at(21, 8, 0), zero, zero, zero, ""},
		{"only the newest known", at(21, 8, 0), zero, zero, last, "no entries since 2026-11-21 08:00; the input ends 2026-11-20 09:12"},
		{"only the newest known, window before it", zero, at(19, 8, 0), zero, last, ""},
		{"since after until", at(20, 9, 0), at(20, 8, 0), first, last, // a mistake of its own, not of the day
			"no entries: the window ends before it begins (since 2026-11-20 09:00, until 2026-11-20 08:00)"},
		{"a span within a minute", at(21, 8, 0), zero, first, first.Add(41 * time.Second),
			"no entries since 2026-11-21 08:00; the input spans 2026-11-20 08:00:00–08:00:41"},
		{"a bound with seconds", at(20, 10, 0).Add(2 * time.Second), zero, first, last,
			"no entries since 2026-11-20 10:00:02; the input spans 2026-11-20 08:00–09:12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OutsideSpan(tt.since, tt.until, tt.first, tt.last, time.UTC); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
