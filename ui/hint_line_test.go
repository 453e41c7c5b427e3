package ui

import (
	"strings"
	"testing"

	"connlog/ui/theme"
)

// TestHintLineEndsCleanly checks the idle hint line at common widths: it
// fits, ends in a whole item, and carries one ellipsis at most after it.
func TestHintLineEndsCleanly(t *testing.T) {
	for _, w := range []int{80, 120, 200} {
		st, _ := newFixtureStore(t, fixtureEntries())
		m := newTestModel(t, st, w, 30)
		lines := strings.Split(screen(m), "\n")
		last := strings.TrimRight(lines[len(lines)-1], " ")
		if !strings.HasPrefix(last, "? help") {
			t.Fatalf("width %d: the last line is not the hint line: %q", w, last)
		}
		if theme.CellWidth(last) > w {
			t.Errorf("width %d: the hint line takes %d cells", w, theme.CellWidth(last))
		}
		if strings.Count(strings.TrimSuffix(last, " …"), "…") > 1 || strings.Contains(last, "… …") {
			t.Errorf("width %d: more than one ellipsis: %q", w, last)
		}
		item := last[strings.LastIndex(last, " • ")+len(" • "):]
		item = strings.TrimSuffix(item, " …")
		if !strings.Contains(hintItems(m), "|"+item+"|") {
			t.Errorf("width %d: the hint line ends in a cut item %q: %q", w, item, last)
		}
	}
}

// hintItems is every item of the idle hint line, each between bars.
func hintItems(m Model) string {
	out := "|"
	for _, b := range m.keys.ShortHelp() {
		out += b.Help().Key + " " + b.Help().Desc + "|"
	}
	return out
}
