package ui

import "testing"

// TestEscapeOrder checks that esc undoes one thing per press, nearest
// first: the detail pane, the selection, the search, the filter.
func TestEscapeOrder(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/", "kind:analytics", "enter")...)
	m = drive(t, m, keys("/", "ctrl+s", "ctrl+u", "alice", "enter")...)
	m = drive(t, m, keys("g", "v", "j", "enter")...)
	if !m.showDetail || m.sel.state == SelectNone || m.search.text != "alice" || m.filter.text != "kind:analytics" {
		t.Fatalf("setup: detail %v, selection %v, search %q, filter %q", m.showDetail, m.sel.state, m.search.text, m.filter.text)
	}
	steps := []struct {
		name  string
		check func(m Model) bool
	}{
		{"closes the detail pane", func(m Model) bool {
			return !m.showDetail && m.sel.state != SelectNone && m.search.text != "" && m.filter.text != ""
		}},
		{"clears the selection", func(m Model) bool {
			return m.sel.state == SelectNone && m.search.text != "" && m.filter.text != ""
		}},
		{"clears the search", func(m Model) bool { return m.search.text == "" && m.filter.text != "" }},
		{"clears the filter", func(m Model) bool { return m.filter.text == "" && m.live.len() == 15 }},
		{"does nothing more", func(m Model) bool { return m.filter.text == "" && m.mode == ModeNormal }},
	}
	for _, s := range steps {
		m = drive(t, m, keys("esc")...)
		if !s.check(m) {
			t.Fatalf("esc %s: no (detail %v, selection %v, search %q, filter %q, rows %d)",
				s.name, m.showDetail, m.sel.state, m.search.text, m.filter.text, m.live.len())
		}
	}
	// The cleared filter is one ↑ away in the bar.
	m = drive(t, m, keys("/", "up")...)
	if m.bar.Value() != "kind:analytics" {
		t.Errorf("bar history after clearing: %q; want kind:analytics", m.bar.Value())
	}
}
