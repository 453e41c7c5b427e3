package ui

import (
	"strings"
	"testing"
)

// A filter that leaves no row leaves the detail pane with no entry: not
// the one it showed before, which the view no longer holds. Whether the
// pane stayed open through the filter or was opened on the empty view.
func TestDetailPaneOfAnEmptyViewShowsNoEntry(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	cases := map[string][]string{
		"open through the filter":  {"enter", "/", "nomatchzz", "enter"},
		"opened on the empty view": {"enter", "esc", "/", "nomatchzz", "enter", "enter"},
	}
	for name, ks := range cases {
		t.Run(name, func(t *testing.T) {
			m := drive(t, newTestModel(t, st, 80, 24), keys(ks...)...)
			if m.live.len() != 0 || !m.showDetail {
				t.Fatalf("setup: %d rows, detail shown %v", m.live.len(), m.showDetail)
			}
			out := screen(m)
			if !strings.Contains(out, "detail (no entry)") || strings.Contains(out, "alice@example.com") {
				t.Errorf("the pane of an empty view shows an entry:\n%s", out)
			}
		})
	}
}

// y on an empty view says there is nothing to copy, rather than nothing.
func TestCopyOnAnEmptyViewSaysSo(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 80, 24), keys("/", "nomatchzz", "enter", "y")...)
	if !strings.Contains(m.notice, "nothing to copy") {
		t.Errorf("y on an empty view: notice %q; want it to say there is nothing to copy", m.notice)
	}
}
