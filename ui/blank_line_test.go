package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// TestBlankLinesAreNamed: a line of spaces only, and an empty line, are
// named by a placeholder in the table's summary and in the detail pane's
// message and RAW, not shown as blank rows that look like nothing.
func TestBlankLinesAreNamed(t *testing.T) {
	st, _ := newFixtureStore(t, []model.Entry{text(0, "first"), text(1, "     "), text(2, ""), text(3, "last")})
	m := drive(t, newTestModel(t, st, 100, 30), keys("g", "j")...)
	s := screen(m)
	for _, want := range []string{"text (line of 5 spaces)", "text (empty line)"} {
		if !strings.Contains(s, want) {
			t.Errorf("the table does not show %q:\n%s", want, s)
		}
	}
	d := screen(drive(t, m, keys("enter")...))
	if strings.Count(d, "(line of 5 spaces)") != 3 { // the row, the message, the raw line
		t.Errorf("the detail pane does not name the blank line in its message and RAW:\n%s", d)
	}
}
