package query

import (
	"strings"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	now := time.Date(2026, 11, 20, 12, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   string
		loc  *time.Location
		want time.Time
	}{
		{"minutes ago", "15m", time.UTC, now.Add(-15 * time.Minute)},
		{"compound ago", "1h30m", time.UTC, now.Add(-90 * time.Minute)},
		{"days ago", "1d", time.UTC, now.Add(-24 * time.Hour)},
		{"fraction ago", "1.5s", time.UTC, now.Add(-1500 * time.Millisecond)},
		{"date and minutes", "2026-11-20T08:00", time.UTC, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)},
		{"date and seconds", "2026-11-20T08:00:05", time.UTC, time.Date(2026, 11, 20, 8, 0, 5, 0, time.UTC)},
		{"space separated", "2026-11-20 08:00:00", time.UTC, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)},
		{"fractional seconds", "2026-11-20 08:00:00.250", time.UTC, time.Date(2026, 11, 20, 8, 0, 0, 250e6, time.UTC)},
		{"date only", "2026-11-19", time.UTC, time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)},
		{"in the given location", "2026-11-20T08:00", berlin, time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)},
		{"zone wins over location", "2026-11-20T08:00:00Z", berlin, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)},
		{"offset", "2026-11-20T08:00:00+02:00", time.UTC, time.Date(2026, 11, 20, 6, 0, 0, 0, time.UTC)},
		{"nanoseconds", "2026-11-20T08:00:00.123456789Z", time.UTC, time.Date(2026, 11, 20, 8, 0, 0, 123456789, time.UTC)},
		{"newt format", "2026/02/10 14:21:37", time.UTC, time.Date(2026, 2, 10, 14, 21, 37, 0, time.UTC)},
		{"clock today", "14:05", time.UTC, time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC)},
		{"clock with seconds", "09:05:30", time.UTC, time.Date(2026, 11, 20, 9, 5, 30, 0, time.UTC)},
		{"clock in location", "14:05", berlin, time.Date(2026, 11, 20, 13, 5, 0, 0, time.UTC)},
		{"now", "now", time.UTC, now},
		{"today", "today", time.UTC, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"yesterday", "Yesterday", time.UTC, time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)},
		{"today in location", "today", berlin, time.Date(2026, 11, 19, 23, 0, 0, 0, time.UTC)},
		{"epoch seconds", "@1763625600", time.UTC, time.Unix(1763625600, 0)},
		{"epoch fraction", "@1763625600.5", time.UTC, time.Unix(1763625600, 5e8)},
		{"surrounding space", " 15m ", time.UTC, now.Add(-15 * time.Minute)},
		{"ago with a sign, as journalctl takes it", "-15m", time.UTC, now.Add(-15 * time.Minute)},
		{"compound ago with a sign", "-1h30m", time.UTC, now.Add(-90 * time.Minute)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTime(tt.in, Options{Now: now, Location: tt.loc})
			if err != nil {
				t.Fatalf("ParseTime(%q): %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseTime(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseTimeErrors(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 30, 0, 0, time.UTC)
	for _, in := range []string{"", "15", "yesterdy", "2026-13-01", "25:00", "+1h", "--15m", "-", "-2026-11-20", "@", "@abc", "@1e20", "15x", "99999999d", "2026-11-20T08", "nan"} {
		t.Run(in, func(t *testing.T) {
			got, err := ParseTime(in, Options{Now: now, Location: time.UTC})
			if err == nil {
				t.Fatalf("ParseTime(%q) = %v, want an error", in, got)
			}
			if !strings.Contains(err.Error(), "is not a time") && !strings.Contains(err.Error(), "too long ago") {
				t.Errorf("ParseTime(%q) error %q does not say what is wrong", in, err)
			}
		})
	}
}

// A zero now means the current time, and a nil location means Local.
func TestParseTimeDefaults(t *testing.T) {
	before := time.Now()
	got, err := ParseTime("now", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Before(before.Add(-time.Second)) || got.After(time.Now().Add(time.Second)) {
		t.Errorf("ParseTime(now) with a zero now = %v, want about %v", got, before)
	}
	if got.Location() != time.Local {
		t.Errorf("location = %v, want Local", got.Location())
	}
}

// A time without a date falls on the day of the data (Options.Day), read in
// the location, not on today's date: on yesterday's log 08:00 is yesterday.
func TestParseTimeReferenceDay(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	now := time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC)
	day := time.Date(2026, 11, 20, 9, 12, 0, 0, time.UTC)
	checkParseTimes(t, []parseTimeCase{
		{"clock on the day", "08:00:30", Options{Now: now, Day: day, Location: time.UTC}, time.Date(2026, 11, 20, 8, 0, 30, 0, time.UTC)},
		{"no day is today", "08:00", Options{Now: now, Location: time.UTC}, time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)},
		// 23:30 UTC on the 20th is already the 21st in Berlin.
		{"day read in location", "08:00", Options{Now: now, Day: time.Date(2026, 11, 20, 23, 30, 0, 0, time.UTC), Location: berlin},
			time.Date(2026, 11, 21, 7, 0, 0, 0, time.UTC)},
		{"a date wins", "2026-11-19 08:00", Options{Now: now, Day: day, Location: time.UTC}, time.Date(2026, 11, 19, 8, 0, 0, 0, time.UTC)},
		{"relative counts from now", "15m", Options{Now: now, Day: day, Location: time.UTC}, now.Add(-15 * time.Minute)},
		{"today is the clock's", "today", Options{Now: now, Day: day, Location: time.UTC}, time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)},
	})
}

// parseTimeCase is a time read with options, and the time it must give.
type parseTimeCase struct {
	name string
	in   string
	opt  Options
	want time.Time
}

func checkParseTimes(t *testing.T, cases []parseTimeCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTime(tt.in, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseTime(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// A log that runs past midnight, read the morning after (logrotate's daily
// file runs from 06:25 to 06:25): a time without a date that the day puts
// outside the data falls on the day before or after when that is in the
// data, and stays on the day otherwise.
func TestParseTimeAcrossMidnight(t *testing.T) {
	now := time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC)
	first, last := time.Date(2026, 11, 20, 6, 25, 0, 0, time.UTC), time.Date(2026, 11, 21, 6, 25, 0, 0, time.UTC)
	span := Options{Now: now, Day: last, First: first, Last: last, Location: time.UTC}
	oneDay := Options{Now: now, Day: time.Date(2026, 11, 20, 9, 12, 0, 0, time.UTC), First: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC),
		Last: time.Date(2026, 11, 20, 9, 12, 0, 0, time.UTC), Location: time.UTC}
	noSpan := span
	noSpan.First = time.Time{}
	fromFirstDay := span // the TUI: the day of a row of the first evening
	fromFirstDay.Day = time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC)
	checkParseTimes(t, []parseTimeCase{
		{"the evening before the end", "23:00", span, time.Date(2026, 11, 20, 23, 0, 0, 0, time.UTC)},
		{"the morning before the end", "08:00", span, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)},
		{"a time in the last day's part", "01:30", span, time.Date(2026, 11, 21, 1, 30, 0, 0, time.UTC)},
		{"the newest entry's own time", "06:25", span, time.Date(2026, 11, 21, 6, 25, 0, 0, time.UTC)},
		{"before the data on both days stays", "06:00", Options{Now: now, Day: last, First: time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC),
			Last: last, Location: time.UTC}, time.Date(2026, 11, 21, 6, 0, 0, 0, time.UTC)},
		{"after a one-day log stays on its day", "10:00", oneDay, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)},
		{"without the data's start, the day of its end", "23:00", noSpan, time.Date(2026, 11, 21, 23, 0, 0, 0, time.UTC)},
		{"before the data on a row's day, the day after", "01:30", fromFirstDay, time.Date(2026, 11, 21, 1, 30, 0, 0, time.UTC)},
		{"in the data on a row's day stays", "23:00", fromFirstDay, time.Date(2026, 11, 20, 23, 0, 0, 0, time.UTC)},
		{"before a one-day log stays on its day", "07:00", oneDay, time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)},
	})
}

// A compiled query says whether it read a time without a date, and its
// bounds fall on the reference day.
func TestCompileReferenceDay(t *testing.T) {
	now := time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC)
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		src       string
		needsDay  bool
		wantSince time.Time
	}{
		{"since:08:01:30", true, time.Date(2026, 11, 20, 8, 1, 30, 0, time.UTC)},
		{"level>=warn (since:08:01 or time>=09:00)", true, time.Date(2026, 11, 20, 8, 1, 0, 0, time.UTC)},
		{"since:2026-11-20T08:00", false, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)},
		{"since:1h", false, now.Add(-time.Hour)},
		{"timeout", false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			q, err := Compile(tt.src, Options{Now: now, Day: day, Location: time.UTC})
			if err != nil {
				t.Fatal(err)
			}
			if q.NeedsDay() != tt.needsDay {
				t.Errorf("NeedsDay() = %v, want %v", q.NeedsDay(), tt.needsDay)
			}
			if since, _ := q.TimeBounds(); !since.Equal(tt.wantSince) {
				t.Errorf("since = %v, want %v", since, tt.wantSince)
			}
		})
	}
}

func TestNeedsDay(t *testing.T) {
	for in, want := range map[string]bool{"08:00": true, " 08:00:30.5 ": true, "2026-11-20 08:00": false, "15m": false, "today": false, "x": false} {
		if got := NeedsDay(in); got != want {
			t.Errorf("NeedsDay(%q) = %v, want %v", in, got, want)
		}
	}
}
