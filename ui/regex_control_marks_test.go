package ui

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/ui/theme"
)

// TestRegexOfAControlMarksItsStandIn: a search whose regular expression
// matches a control character (/\x1b/, /\x07/) marks the stand-in shown
// for it, in the table's row and in the detail pane's message and RAW.
func TestRegexOfAControlMarksItsStandIn(t *testing.T) {
	es := []model.Entry{text(0, "plain"), text(1, "user \x1b[2Jpwned \x07 bell")}
	for _, c := range []struct{ query, shown string }{{`/\x1b/`, "␛"}, {`/\x07/`, `\x07`}} {
		st, _ := newFixtureStore(t, es)
		mono := theme.Monochrome()
		m := withStyles(newTestModel(t, st, 120, 35), mono)
		m = drive(t, m, keys("g", "/", "ctrl+s", c.query, "enter", "g")...)
		marked := mono.Match.Render(c.shown)
		if !strings.Contains(m.View().Content, marked) {
			t.Errorf("%s: the row shows no mark on %s:\n%s", c.query, c.shown, m.View().Content)
		}
		m = drive(t, m, keys("j", "enter")...)
		if n := strings.Count(m.detail.View(), marked); n < 2 {
			t.Errorf("%s: the detail pane marks %s %d times; want the message and RAW:\n%s", c.query, c.shown, n, m.detail.View())
		}
	}
}
