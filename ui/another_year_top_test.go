package ui

import (
	"strings"
	"testing"
	"time"
)

// A log of another year than the clock's keeps its dates with their year
// on screen at 80 columns as at 120, on the Connections tab too, whose
// columns fill the row: a time of day alone reads as today's (see also
// TestAnotherYearsDateKeepsTheDuration).
func TestAnotherYearKeepsItsDateAtEveryWidth(t *testing.T) {
	nextYear := func() time.Time { return at(0).AddDate(1, 0, 0) }
	for _, w := range []int{120, 80} {
		for _, tab := range []string{"1", "2"} {
			m := drive(t, clockedModel(t, threeDaysOfConnections(), w, 24, nextYear), keys(tab, "G")...)
			if row := topRow(t, m); !strings.Contains(row, "2026-11-2") {
				t.Errorf("%d cols, tab %s: the top row %q does not say its day and year:\n%s", w, tab, row, screen(m))
			}
		}
	}
}
