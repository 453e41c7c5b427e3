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
