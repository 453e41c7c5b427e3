package query

import (
	"testing"
	"time"
)

// Times need their date when they fall on several days, or on one day
// that is not now's; a zero now says nothing of the day.
func TestNeedsDates(t *testing.T) {
	at := func(s string) time.Time { v, _ := time.Parse(time.DateTime, s); return v }
	for _, c := range []struct {
		first, last, now string
		want             bool
	}{
		{"2026-12-07 08:00:00", "2026-12-07 09:00:00", "2026-12-07 12:00:00", false},
		{"2026-12-06 23:00:00", "2026-12-07 01:00:00", "2026-12-07 12:00:00", true},
		{"2026-12-06 08:00:00", "2026-12-06 09:00:00", "2026-12-07 12:00:00", true},
		{"2026-12-06 08:00:00", "2026-12-06 09:00:00", "", false},
	} {
		var now time.Time
		if c.now != "" {
			now = at(c.now)
		}
		if got := NeedsDates(at(c.first), at(c.last), now, time.UTC); got != c.want {
			t.Errorf("NeedsDates(%s, %s, now %q) = %v, want %v", c.first, c.last, c.now, got, c.want)
		}
	}
}
