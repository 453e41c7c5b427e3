package remote

import (
	"testing"
	"time"
)

// The span's answer: one row, none (no entry matched), or one the store
// filled with nothing; anything else is an error, never a made-up span.
func TestParseSpan(t *testing.T) {
	first, last, err := parseSpan([]byte(`{"first":"2026-02-10T08:00:01.0001Z","last":"2026-02-10T09:30:08Z"}` + "\n"))
	if err != nil || !first.Equal(time.Date(2026, 2, 10, 8, 0, 1, 100_000, time.UTC)) || !last.Equal(time.Date(2026, 2, 10, 9, 30, 8, 0, time.UTC)) {
		t.Errorf("%v %v %v", first, last, err)
	}
	for _, empty := range []string{"", "\n", `{"first":"","last":""}`} {
		if first, last, err := parseSpan([]byte(empty)); err != nil || !first.IsZero() || !last.IsZero() {
			t.Errorf("%q: %v %v %v", empty, first, last, err)
		}
	}
	for _, bad := range []string{"<html>", `{"first":"yesterday","last":"2026-02-10T09:30:08Z"}`, `{"first":"2026-02-10T09:30:08Z","last":"soon"}`} {
		if first, last, err := parseSpan([]byte(bad)); err == nil || !first.IsZero() || !last.IsZero() {
			t.Errorf("%q: %v %v %v", bad, first, last, err)
		}
	}
}
