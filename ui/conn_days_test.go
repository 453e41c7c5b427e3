package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// threeDaysOfConnections is a connection event every 20 minutes from
// 08:00 on 2026-11-20 to the 22nd: a log that spans days.
func threeDaysOfConnections() []model.Entry {
	const step = 20 * 60 * 1000
	var es []model.Entry
	for i := range 3 * 24 * 3 {
		es = append(es, analytics(i*step, model.EventEstablished, "e755ba99988db558-24", "alice@example.com", "", 0, 0, 0))
	}
	return es
}

// timeCellRE is a row of the table: its gutter, its time (with a date in
// front, to the minute or more, when the row shows one) and what follows.
var timeCellRE = regexp.MustCompile(`^(?:> |  )((?:(\d\d-\d\d) )?\d\d:\d\d(?::\d\d(?:\.\d{3})?)?) +\S`)

// Where the rows of the Connections tab span days, every screen says the
// day of each time it shows, as the main table does: the top row and the
// first of each day carry their date, at 80 columns too, where the
// column stays as wide as a time of day and the other columns stay where
// they are. Read from the top, no time is taken for another day's.
func TestConnectionsTabSaysTheDayOfEveryTime(t *testing.T) {
	es := threeDaysOfConnections()
	for _, w := range []int{120, 80} {
		m := drive(t, newTestModel(t, mustStore(t, es), w, 24), keys("2", "g")...)
		for page := 0; page < 12; page++ {
			checkEveryRowsDay(t, m, es, w)
			m = drive(t, m, keys("pgdown")...)
		}
		checkEveryRowsDay(t, drive(t, m, keys("G")...), es, w)
	}
}

// checkEveryRowsDay reads the table's rows from the top, each time on the
// day of the last date shown above it (its own included), and checks that
// day against the entry's; and that the column after the time starts in
// the same place on every row.
func checkEveryRowsDay(t *testing.T, m Model, es []model.Entry, w int) {
	t.Helper()
	day, next := "", -1
	row := m.table.Top()
	for _, l := range screenLines(t, m) {
		sub := timeCellRE.FindStringSubmatchIndex(l)
		if sub == nil {
			continue
		}
		if sub[4] >= 0 {
			day = l[sub[4]:sub[5]]
		}
		want := es[row].Time.In(m.loc()).Format("01-02")
		if day != want {
			t.Fatalf("%d cols: the row of %s reads as on %q:\n%s", w, es[row].Time.In(m.loc()).Format(time.DateTime), day, screen(m))
		}
		if next >= 0 && sub[1]-1 != next {
			t.Fatalf("%d cols: the column after the time moved (%d, %d):\n%s", w, next, sub[1]-1, screen(m))
		}
		next = sub[1] - 1
		row++
	}
	if row == m.table.Top() {
		t.Fatalf("%d cols: no row of the table:\n%s", w, screen(m))
	}
	if !strings.Contains(screen(m), "DUR") {
		t.Errorf("%d cols: the duration column went:\n%s", w, screen(m))
	}
}

// mustStore is a store of es.
func mustStore(t *testing.T, es []model.Entry) *model.Store {
	t.Helper()
	st, _ := newFixtureStore(t, es)
	return st
}

// A date with its year, 23 cells, would cost the Connections tab at 80
// columns its duration as well as its error: there it is written to the
// second, 19 cells, and the duration stays.
func TestAnotherYearsDateKeepsTheDuration(t *testing.T) {
	es := threeDaysOfConnections()
	for i := range es {
		es[i].Time = es[i].Time.AddDate(-1, 0, 0)
	}
	m := drive(t, newTestModel(t, mustStore(t, es), 80, 24), keys("2", "g")...)
	if s := screen(m); !strings.Contains(s, "DUR") || !strings.Contains(topRow(t, m), "2025-11-20 08:00:00 ") {
		t.Errorf("the duration column went, or the first row lacks its date and year:\n%s", s)
	}
}
