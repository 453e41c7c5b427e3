package theme

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// TestHintLineDropsWholeItems checks that a hint line too long for its
// width loses whole items, marked by one ellipsis at most, and never ends in a cut
// label nor in "… …" after a label of its own ending in "…".
func TestHintLineDropsWholeItems(t *testing.T) {
	bs := []key.Binding{
		Bind("help", "?"), Bind("filter or search", "/"), Bind("toggle detail pane", "enter"),
		Bind("pivot: filter on row", "="), Bind("whole connection", "c"), Bind("export…", "x"),
		Bind("toggle follow", "f"), Bind("quit", "q", "ctrl+c"),
	}
	full := "? help • / filter or search • enter toggle detail pane • = pivot: filter on row • " +
		"c whole connection • x export… • f toggle follow • q/ctrl+c quit"
	cases := []struct {
		name string
		w    int
		want string
	}{
		{"wide", 200, full},
		{"unlimited", 0, full},
		{"after an item ending in an ellipsis", 120,
			"? help • / filter or search • enter toggle detail pane • = pivot: filter on row • c whole connection • x export…"},
		{"no room for the ellipsis", 80,
			"? help • / filter or search • enter toggle detail pane • = pivot: filter on row"},
		{"room for the ellipsis", 81,
			"? help • / filter or search • enter toggle detail pane • = pivot: filter on row …"},
		{"an item is worth more than the mark", 79,
			"? help • / filter or search • enter toggle detail pane • = pivot: filter on row"},
		{"one cell short of an item", 78, "? help • / filter or search • enter toggle detail pane …"},
		{"narrow", 10, "? help …"},
		{"nothing fits", 4, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Monochrome()
			got := ansi.Strip(s.HintLine(bs, c.w))
			if got != c.want {
				t.Errorf("width %d:\n got %q\nwant %q", c.w, got, c.want)
			}
			if c.w > 0 && CellWidth(got) > c.w {
				t.Errorf("width %d: the line takes %d cells", c.w, CellWidth(got))
			}
			if strings.Contains(got, "… …") {
				t.Errorf("two ellipses in a row: %q", got)
			}
		})
	}
}

// TestFitHintDropsWholeItems: the in-context hints are cut like the hint
// line, whole items first.
func TestFitHintDropsWholeItems(t *testing.T) {
	bs := []key.Binding{Bind("apply", "enter"), Bind("bar: restore filter", "esc"), Bind("bar: older query", "↑")}
	cases := map[int]string{
		0:  "enter apply · esc restore filter · ↑ older query",
		48: "enter apply · esc restore filter · ↑ older query",
		47: "enter apply · esc restore filter …",
		33: "enter apply · esc restore filter",
		5:  "",
	}
	for w, want := range cases {
		if got := FitHint(w, bs...); got != want {
			t.Errorf("width %d: got %q, want %q", w, got, want)
		}
	}
}
