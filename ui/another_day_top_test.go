package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// On a log of another day than today, read past its first screen, the
// top row on screen says the day: a time of day alone there reads as
// today's. At 80 columns as at 120, on the All tab and the Connections
// tab.
func TestTheTopRowSaysAnotherDay(t *testing.T) {
	var es []model.Entry
	for i := range 200 {
		es = append(es, analytics(i*1000, model.EventEstablished, "e755ba99988db558-24", "alice@example.com", "", 0, 0, 0))
	}
	for _, w := range []int{120, 80} {
		for _, tab := range []string{"1", "2"} {
			m := drive(t, earlierDayModel(t, es, w, 24), keys(tab, "G")...)
			top := m.table.Top()
			if top == 0 {
				t.Fatalf("%d cols, tab %s: the last screen is the first: the test does not test", w, tab)
			}
			if row := topRow(t, m); !strings.Contains(row, "11-20 ") {
				t.Errorf("%d cols, tab %s: the top row %q does not say its day:\n%s", w, tab, row, screen(m))
			}
		}
	}
}

// topRow is the table's first row on screen, the line under its header.
func topRow(t *testing.T, m Model) string {
	t.Helper()
	lines := screenLines(t, m)
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "TIME") && i+1 < len(lines) {
			return lines[i+1]
		}
	}
	t.Fatalf("no table header on screen:\n%s", screen(m))
	return ""
}

// The templates view over yesterday's log writes its first and last times
// with their date, as the table does.
func TestTemplatesOfAnotherDaySayTheDay(t *testing.T) {
	m := drive(t, earlierDayModel(t, everySecond(30), 120, 24), keys("P")...)
	if s := screen(m); !strings.Contains(s, "11-20 08:00") {
		t.Errorf("the templates of yesterday's log lack their date:\n%s", s)
	}
}

// The timeline strip over yesterday's log writes its window with the date.
func TestTimelineOfAnotherDaySaysTheDay(t *testing.T) {
	m := drive(t, earlierDayModel(t, everySecond(30), 80, 24), keys("T")...)
	if s := screen(m); !strings.Contains(s, "│ 11-20 08:00") {
		t.Errorf("the timeline of yesterday's log lacks its date:\n%s", s)
	}
}
