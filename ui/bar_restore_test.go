package ui

import "testing"

// esc in the bar puts back the filter and the search in force when it
// opened, whatever the bar previewed meanwhile in either mode; enter keeps
// the query in the bar's mode and leaves the other mode's as it was.
func TestBarEscRestoresFilterAndSearch(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	cases := []struct {
		name                 string
		keys                 []string
		wantFilter, wantSrch string
	}{
		{"a filter toggled to search", []string{"/", "alice", "ctrl+s", "esc"}, "", ""},
		{"the filter in force toggled to search", []string{"/", "kind:analytics", "enter", "/", "ctrl+s", "esc"}, "kind:analytics", ""},
		{"a search typed", []string{"/", "ctrl+s", "mallory", "esc"}, "", ""},
		{"a search toggled back to filter", []string{"/", "ctrl+s", "alice", "enter", "/", "ctrl+s", "ctrl+u", "bob", "ctrl+s", "esc"}, "", "alice"},
		{"a search replaced, then esc", []string{"/", "ctrl+s", "alice", "enter", "/", "ctrl+s", "ctrl+u", "bob", "esc"}, "", "alice"},
		{"a filter kept after a search preview", []string{"/", "ctrl+s", "alice", "enter", "/", "ctrl+s", "ctrl+u", "bob", "ctrl+s", "enter"}, "bob", "alice"},
		{"a search kept after a filter preview", []string{"/", "kind:analytics", "enter", "/", "ctrl+u", "bob", "ctrl+s", "enter"}, "kind:analytics", "bob"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := drive(t, newTestModel(t, st, 120, 30), keys(c.keys...)...)
			if m.mode != ModeNormal || m.filter.text != c.wantFilter || m.search.text != c.wantSrch {
				t.Errorf("mode %v, filter %q, search %q; want filter %q, search %q",
					m.mode, m.filter.text, m.search.text, c.wantFilter, c.wantSrch)
			}
		})
	}
}
