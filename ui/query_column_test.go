package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestFilterErrorSaysColumn types a query that does not compile: the bar
// names the place as people count it, from 1 in characters ("at column
// 4"), and puts its caret under that character.
func TestFilterErrorSaysColumn(t *testing.T) {
	m := goldenModel(t, 100, 24)
	m = drive(t, m, append(keys("/"), tea.PasteMsg{Content: "é, usr:alice"})...)
	lines := screenLines(t, m)
	bar := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "/ ") {
			bar = i
		}
	}
	if bar < 0 || bar+1 >= len(lines) {
		t.Fatalf("no bar on the screen:\n%s", screen(m))
	}
	under := lines[bar+1]
	if !strings.Contains(under, `unknown field "usr" at column 4`) {
		t.Errorf("the error line %q does not say the column (4)", under)
	}
	// "/ é, " is five cells wide, and the line before the caret is spaces.
	if got := strings.Index(under, "^"); got != 5 {
		t.Errorf("the caret is at cell %d of %q; want 5, under the u of usr", got, under)
	}
}
