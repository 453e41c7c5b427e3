package ui

import (
	"testing"

	"connlog/ui/filterbar"
)

// TestBarToggleStartsFromTheOtherQuery checks what ctrl+s shows in the
// bar: the search in force (or nothing) when the bar still holds the
// filter it opened on, the filter in force when it still holds that
// search, and the text typed when the user typed one (a query typed as a
// filter and meant as a search).
func TestBarToggleStartsFromTheOtherQuery(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	filterOn := []string{"/", "kind:analytics", "enter"}
	searchOn := []string{"/", "ctrl+s", "ctrl+u", "alice", "enter"}
	cases := []struct {
		name     string
		keys     []string
		wantText string
		wantMode filterbar.Mode
	}{
		{"a filter in force, no search", cat(filterOn, "/", "ctrl+s"), "", filterbar.Search},
		{"a filter and a search in force", cat(filterOn, cat(searchOn, "/", "ctrl+s")...), "alice", filterbar.Search},
		{"back to the filter, untouched", cat(filterOn, cat(searchOn, "/", "ctrl+s", "ctrl+s")...), "kind:analytics", filterbar.Filter},
		{"a typed query is carried", cat(filterOn, "/", "ctrl+u", "bob", "ctrl+s"), "bob", filterbar.Search},
		{"an edited search is carried back", cat(searchOn, "/", "ctrl+s", "x", "ctrl+s"), "alicex", filterbar.Filter},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := drive(t, newTestModel(t, st, 120, 30), keys(c.keys...)...)
			if m.mode != ModeFilter || m.bar.Value() != c.wantText || m.bar.Mode() != c.wantMode {
				t.Errorf("mode %v, bar %q in %v; want %q in %v", m.mode, m.bar.Value(), m.bar.Mode(), c.wantText, c.wantMode)
			}
		})
	}
}

// cat is a followed by more.
func cat(a []string, more ...string) []string { return append(append([]string(nil), a...), more...) }
