package ui

import (
	"strings"
	"testing"

	"connlog/ui/theme"
)

// The detail pane marks what the search and the filter match as they
// change while it is open, not what they were when its entry was loaded:
// a search typed on the entry shown, the search cancelled, and a filter
// that keeps the entry. The cursor stays on alice's connection throughout.
func TestDetailPaneMarksFollowTheQuery(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	mono := theme.Monochrome()
	m := withStyles(newTestModel(t, st, 120, 35), mono)
	m = drive(t, m, keys("g", "jjj", "enter")...)
	detail := func() string { return m.detail.View() }
	if !strings.Contains(detail(), "alice@example.com") || strings.Contains(detail(), mono.Match.Render("alice")) {
		t.Fatalf("setup: the pane shows no alice, or marks her already:\n%s", detail())
	}
	m = drive(t, m, keys("/", "ctrl+s", "alice")...) // the search previewed as it is typed
	if !strings.Contains(detail(), mono.Match.Render("alice")) {
		t.Errorf("the search typed while the pane is open is not marked:\n%s", detail())
	}
	m = drive(t, m, keys("esc")...) // the bar cancelled: no search
	if strings.Contains(detail(), mono.Match.Render("alice")) {
		t.Errorf("the search cancelled is still marked:\n%s", detail())
	}
	m = drive(t, m, keys("/", "user:alice*", "enter")...)
	if !strings.Contains(detail(), mono.Match.Render("alice")+"@example.com") {
		t.Errorf("the filter applied while the pane is open is not marked:\n%s", detail())
	}
}
