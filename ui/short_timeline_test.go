package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestShortTerminalCountsTheTimeline: the timeline strip's lines are
// counted in the rule for short terminals: the tabs, then the key hints
// give way while the table would show fewer than five rows under the
// strip; and the strip gives way before the table's header.
func TestShortTerminalCountsTheTimeline(t *testing.T) {
	cases := []struct {
		h            int
		tabs, hints  bool
		strip, table bool
	}{
		{24, true, true, true, true},
		{10, false, true, true, true},
		{9, false, false, true, true},
		{4, false, false, false, true},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("80x%d", c.h), func(t *testing.T) {
			m := drive(t, goldenModel(t, 80, 24), keys("T", "esc")...)
			m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: c.h})
			s := screen(m)
			has := func(what string) bool { return strings.Contains(s, what) }
			got := fmt.Sprint(has("[1 All]"), has("? help"), has("timeline"), has("TIME "))
			if want := fmt.Sprint(c.tabs, c.hints, c.strip, c.table); got != want {
				t.Errorf("tabs, hints, strip, table header: %s; want %s:\n%s", got, want, s)
			}
			if c.tabs || c.hints {
				if rows := tableRows(s); rows < 5 {
					t.Errorf("the tabs or hints kept their line over the rows (%d):\n%s", rows, s)
				}
			}
			if !has("no filter") {
				t.Errorf("the filter line is gone:\n%s", s)
			}
		})
	}
}
