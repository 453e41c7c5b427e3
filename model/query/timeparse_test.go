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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTime(tt.in, now, tt.loc)
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
	for _, in := range []string{"", "15", "yesterdy", "2026-13-01", "25:00", "-15m", "+1h", "@", "@abc", "@1e20", "15x", "99999999d", "2026-11-20T08", "nan"} {
		t.Run(in, func(t *testing.T) {
			got, err := ParseTime(in, now, time.UTC)
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
	got, err := ParseTime("now", time.Time{}, nil)
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
