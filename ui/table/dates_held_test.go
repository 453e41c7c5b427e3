package table

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// A view whose rows are not in time order (a file of yesterday's lines
// appended after today's) has its first and last rows of today: a screen
// of the rows between still says their day on its top row, as their time
// alone would read as today's.
func TestTopRowSaysTheDayOfRowsOutOfOrder(t *testing.T) {
	today := base.Add(time.Hour) // 2026-11-21 00:59:58
	at := func(i int) time.Time {
		if i >= 5 && i < 95 {
			return base.Add(-time.Hour + time.Duration(i)*time.Second) // 11-20
		}
		return today.Add(time.Duration(i) * time.Second)
	}
	d := linesAt(t, 100, oneHost, at)
	d.Now = today.Add(time.Hour)
	tb := newTable(t, d, 80, 11, TimeColumn(), message)
	tb = press(tb, "pgdown", "pgdown", "pgdown")
	rows := strings.Split(ansi.Strip(tb.View()), "\n")
	if top := rows[1]; !strings.Contains(top, "11-20 ") {
		t.Errorf("the top row %q does not say its day:\n%s", top, strings.Join(rows, "\n"))
	}
}

// A view whose first row has no time, or whose first row was evicted,
// still says the day of rows of another day than today's.
func TestTopRowSaysTheDayWhenTheFirstRowHasNoTime(t *testing.T) {
	at := func(i int) time.Time {
		if i == 0 {
			return time.Time{}
		}
		return base.Add(-time.Hour + time.Duration(i)*time.Second) // 11-20, yesterday
	}
	d := linesAt(t, 100, oneHost, at)
	d.Now = base.Add(24 * time.Hour)
	tb := press(newTable(t, d, 80, 11, TimeColumn(), message), "pgdown", "pgdown")
	rows := strings.Split(ansi.Strip(tb.View()), "\n")
	if top := rows[1]; !strings.Contains(top, "11-20 ") {
		t.Errorf("the top row %q does not say its day:\n%s", top, strings.Join(rows, "\n"))
	}
}

// A time of another year, in a column too narrow for all of it, gives up
// its milliseconds before its date: the date then gives way only where
// not even the date and the second fit.
func TestYearCellGivesUpItsMillisecondsFirst(t *testing.T) {
	cell := "2025-12-31 23:59:59.250"
	for _, tc := range []struct {
		w    int
		want string
	}{{23, cell}, {21, "2025-12-31 23:59:59  "}, {19, "2025-12-31 23:59:59"}, {18, "23:59:59.250      "}, {12, "23:59:59.250"}} {
		if got := timeOfDay(cell, tc.w); got != tc.want {
			t.Errorf("%d cells: %q; want %q", tc.w, got, tc.want)
		}
	}
}
