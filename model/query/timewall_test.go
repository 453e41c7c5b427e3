package query

import (
	"strings"
	"testing"
	"time"
)

// A time without a zone in the hour the clocks went back over names two
// moments, and one in the hour they jumped over names none: either is an
// error that says so and how to write the moment meant, for dates and for
// clock times placed on the data's day alike. The hours around them, and
// the same time with an offset, are read as before.
func TestTimeInARepeatedOrSkippedHour(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatalf("no zone database: %v", err)
	}
	fallBack := time.Date(2026, 10, 25, 12, 0, 0, 0, berlin)
	springForward := time.Date(2026, 3, 29, 12, 0, 0, 0, berlin)
	cases := []struct {
		in   string
		day  time.Time
		want time.Time // zero: an error naming both offsets (or that it never happened)
		say  []string
	}{
		{"2026-10-25 02:30", fallBack, time.Time{}, []string{"happened twice", "2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"}},
		{"2026-10-25T02:59:59", fallBack, time.Time{}, []string{"happened twice"}},
		{"02:30", fallBack, time.Time{}, []string{"happened twice", "CEST +02:00", "CET +01:00"}},
		{"2026-03-29 02:30", springForward, time.Time{}, []string{"never happened", "2026-03-29T02:30:00+01:00"}},
		{"02:15", springForward, time.Time{}, []string{"never happened"}},
		{"2026-10-25 01:59", fallBack, time.Date(2026, 10, 24, 23, 59, 0, 0, time.UTC), nil},
		{"2026-10-25 03:00", fallBack, time.Date(2026, 10, 25, 2, 0, 0, 0, time.UTC), nil},
		{"2026-10-25T02:30+01:00", fallBack, time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), nil},
		{"2026-03-29 03:00", springForward, time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC), nil},
		{"01:59:30.5", springForward, time.Date(2026, 3, 29, 0, 59, 30, 5e8, time.UTC), nil},
	}
	for _, tc := range cases {
		got, err := ParseTime(tc.in, Options{Location: berlin, Now: tc.day, Day: tc.day})
		if tc.want.IsZero() {
			if err == nil {
				t.Errorf("%q: %v, want an error", tc.in, got)
				continue
			}
			for _, s := range tc.say {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%q: %v; want it to say %q", tc.in, err, s)
				}
			}
			continue
		}
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("%q: %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}
