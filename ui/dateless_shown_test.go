package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// filterLine is the screen's line that shows the filter in force.
func filterLine(t *testing.T, m Model) string {
	t.Helper()
	for _, l := range screenLines(t, m) {
		if strings.HasPrefix(l, "filter: ") {
			return strings.TrimRight(l, " ")
		}
	}
	t.Fatalf("no filter line:\n%s", screen(m))
	return ""
}

// midnightLog is a line every half hour from 21:00 on 2026-11-20 to 02:30
// on the 21st: a log past midnight read the morning after.
func midnightLog() []model.Entry {
	var es []model.Entry
	for i := range 12 {
		e := service(0, model.LevelInfo, "connector", "", "tick "+strconv.Itoa(i))
		e.Time = time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC).Add(time.Duration(i) * 30 * time.Minute)
		es = append(es, e)
	}
	return es
}

// A filter with a time written without a date says, on its line, the day
// each such time was taken on: the rule (the day of the row under the
// cursor, the evening before for a time after a log past midnight) is not
// in the text. Dated and relative times say nothing more. At 80 columns
// the line is read whole.
func TestTheFilterLineSaysTheDayTaken(t *testing.T) {
	const w = 80
	cases := []struct {
		keys []string
		want string
	}{
		{[]string{"/", "since:23:00", "enter"}, "filter: since:23:00 (2026-11-20 23:00)"},
		{[]string{"g", "/", "since:23:30 until:00:30:15", "enter"}, "filter: since:23:30 until:00:30:15 (2026-11-20 23:30, 2026-11-21 00:30:15)"},
		{[]string{"/", "since:2026-11-20T23:00 or since:5h", "enter"}, "filter: since:2026-11-20T23:00 or since:5h"},
	}
	for _, c := range cases {
		m := drive(t, earlierDayModel(t, midnightLog(), w, 24), keys(c.keys...)...)
		if got := filterLine(t, m); got != c.want {
			t.Errorf("%d cols, %q: the filter line is\n%q; want\n%q", w, c.keys, got, c.want)
		}
	}
}

// A go-to time written without a date says the day it landed on when the
// row does not show it: on a log past midnight, 23:00 from the newest row
// is the evening before, and its row, under one of the same evening, has
// its time of day alone. A row that shows its date, a dated time, or a
// time outside the rows (which says so, dated) says nothing more.
func TestGotoSaysTheDayWhenTheRowDoesNot(t *testing.T) {
	cases := []struct{ at, want string }{
		{"23:00", "at 2026-11-20 23:00:00.000"},
		{"00:00", ""}, // its row, the first of the 21st, shows 11-21
		{"2026-11-20 23:00", ""},
		{"03:00", "after the last entry (2026-11-21 02:30:00): at the last row"},
	}
	for _, w := range []int{120, 80} {
		for _, c := range cases {
			m := drive(t, earlierDayModel(t, midnightLog(), w, 24), keys(":", c.at, "enter")...)
			if m.notice != c.want {
				t.Errorf("%d cols, :%s: notice %q, want %q\n%s", w, c.at, m.notice, c.want, screen(m))
			}
			if c.want != "" && !strings.Contains(screen(m), c.want) {
				t.Errorf("%d cols, :%s: not on screen:\n%s", w, c.at, screen(m))
			}
		}
	}
	m := drive(t, earlierDayModel(t, midnightLog(), 120, 24), keys(":", "23:00", "enter", "j")...)
	if m.notice != "" {
		t.Errorf("the day of the row left is still said: %q", m.notice)
	}
}

// A short filter of several times without a date has a line longer than
// the terminal with their days: the footer takes the lines it needs, the
// table the rest, and the screen keeps its height.
func TestTheDaysTakenWrapInTheFooter(t *testing.T) {
	m := drive(t, earlierDayModel(t, midnightLog(), 80, 24), keys("g", "/", "since:21:00 until:23:00 or time>00:30", "enter")...)
	lines := screenLines(t, m)
	footer := strings.Join(lines[len(lines)-3:], "\n")
	if !strings.Contains(footer, "filter: since:21:00 until:23:00 or time>00:30 (2026-11-20 21:00,") ||
		!strings.Contains(footer, "2026-11-21 00:30)") || !strings.Contains(lines[len(lines)-1], "? help") {
		t.Errorf("the footer is not the filter line wrapped, then the hints:\n%s", screen(m))
	}
}
