package ui

import (
	"strings"
	"testing"
	"time"
)

// The sessions and templates views, left open across midnight, date
// their rows at the clock's tick that moves to the next day: today's
// times of day alone would read as the new day's.
func TestTriageViewsLeftOpenAcrossMidnightSayTheDay(t *testing.T) {
	es := connectionLog()
	day := at(0).Format("01-02 ")
	for _, key := range []string{"S", "P"} {
		now := at(3_600_000) // an hour after the rows, the same day
		m := drive(t, clockedModel(t, es, 120, 24, func() time.Time { return now }), keys(key)...)
		if s := screen(m); strings.Contains(s, day) {
			t.Fatalf("%s: today's rows show their date:\n%s", key, s)
		}
		now = now.Add(24 * time.Hour)
		m = tickOnce(t, m, now)
		if s := screen(m); !strings.Contains(s, day) {
			t.Errorf("%s: after midnight, yesterday's rows lack their date:\n%s", key, s)
		}
	}
}
