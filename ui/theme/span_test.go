package theme

import (
	"reflect"
	"testing"
	"time"
)

// TestSpanPhrases: the range is said with its zone and its length, split
// between its ends.
func TestSpanPhrases(t *testing.T) {
	from := time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)
	to := from.Add(time.Hour + 16*time.Minute + 39*time.Second + 400*time.Millisecond)
	want := []string{"from 2026-11-20 07:00:00 UTC", "to 2026-11-20 08:16:39 UTC (1h16m39s)"}
	if got := SpanPhrases(from, to, time.UTC); !reflect.DeepEqual(got, want) {
		t.Errorf("SpanPhrases() = %q, want %q", got, want)
	}
}

// TestSpanPhrasesLengthAgreesWithTheEnds: the ends are said to the second,
// cut, not rounded; the length is the one between the ends as said, so
// that "08:00:00 to 08:50:35" is 50m35s, whatever the milliseconds.
func TestSpanPhrasesLengthAgreesWithTheEnds(t *testing.T) {
	day := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name     string
		from, to time.Time
		want     string
	}{
		{"last end late in its second", day, day.Add(50*time.Minute + 35700*time.Millisecond), "to 2026-11-20 08:50:35 UTC (50m35s)"},
		{"first end late in its second", day.Add(900 * time.Millisecond), day.Add(50*time.Minute + 35100*time.Millisecond), "to 2026-11-20 08:50:35 UTC (50m35s)"},
		{"a second apart as said, 200ms apart", day.Add(900 * time.Millisecond), day.Add(1100 * time.Millisecond), "to 2026-11-20 08:00:01 UTC (1s)"},
	}
	for _, c := range cases {
		if got := SpanPhrases(c.from, c.to, time.UTC)[1]; got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
