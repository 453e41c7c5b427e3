package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestShortTerminalKeepsRows: on a short terminal the rows are what the
// user came for: the tabs give way first, then the key hints, while the
// table keeps a header and five rows; the status line and the filter line
// stay longest.
func TestShortTerminalKeepsRows(t *testing.T) {
	cases := []struct {
		h                 int
		tabs, hints, stat bool
		rows              int
	}{
		{24, true, true, true, 19},
		{10, true, true, true, 5},
		{9, false, true, true, 5},
		{8, false, false, true, 5},
		{6, false, false, true, 3},
		{3, false, false, true, 0},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("80x%d", c.h), func(t *testing.T) {
			m := drive(t, goldenModel(t, 80, 24), tea.WindowSizeMsg{Width: 80, Height: c.h})
			s := screen(m)
			has := func(what string) bool { return strings.Contains(s, what) }
			rows := tableRows(s)
			if has("[1 All]") != c.tabs || has("? help") != c.hints || has("│") != c.stat || rows != c.rows {
				t.Errorf("tabs %v, hints %v, status %v, %d rows; want %v, %v, %v, %d:\n%s",
					has("[1 All]"), has("? help"), has("│"), rows, c.tabs, c.hints, c.stat, c.rows, s)
			}
			if !has("no filter") {
				t.Errorf("the filter line is gone:\n%s", s)
			}
		})
	}
}

// tableRows counts the lines between the table's header and the filter
// line.
func tableRows(s string) int {
	n, in := 0, false
	for _, l := range strings.Split(s, "\n") {
		switch {
		case strings.Contains(l, "TIME "):
			in = true
		case strings.HasPrefix(l, "no filter"):
			in = false
		case in:
			n++
		}
	}
	return n
}

// TestShortTerminalShowsThePasteNote: where the key hints gave way, the
// bar's note on a paste still shows.
func TestShortTerminalShowsThePasteNote(t *testing.T) {
	m := drive(t, goldenModel(t, 80, 8), append(keys("/"), tea.PasteMsg{Content: "a\x07"})...)
	if s := screen(m); !strings.Contains(s, "1 control character of the paste left out") {
		t.Errorf("the paste note is not shown:\n%s", s)
	}
}
