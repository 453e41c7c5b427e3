package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// menuLine returns the menu line holding label, or "".
func menuLine(m Model, label string) string {
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, label) {
			return l
		}
	}
	return ""
}

// TestExcludeOffersThisLevel checks that - on a DEBUG row offers "this
// level" (excluding it leaves the rest), and = offers "this level and
// above".
func TestExcludeOffersThisLevel(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = moveToKind(t, m, model.KindService, 1) // the DEBUG line
	if e := m.table.Entry(m.store.Snapshot(), m.table.CursorSeq()); e == nil || e.Level != model.LevelDebug {
		t.Fatalf("setup: the cursor is not on the DEBUG row")
	}
	ex := drive(t, m, keys("-")...)
	if l := menuLine(ex, "level debug"); l == "" || strings.Contains(l, "and above") || !strings.Contains(l, "level=debug") {
		t.Fatalf("exclude menu's level line = %q; want level debug, level=debug:\n%s", l, screen(ex))
	}
	for i, it := range ex.pivot.Items() {
		if strings.HasPrefix(it.Label, "level") {
			ex = drive(t, ex, keys(string(rune('1'+i)))...)
		}
	}
	if ex.filter.text != "-level=debug" || ex.live.len() != 14 {
		t.Errorf("after excluding the level: filter %q, %d rows; want -level=debug and 14 rows", ex.filter.text, ex.live.len())
	}
	keep := drive(t, m, keys("=")...)
	if l := menuLine(keep, "level debug and above"); !strings.Contains(l, "level>=debug") {
		t.Errorf("pivot menu's level line = %q; want level debug and above, level>=debug", l)
	}
}

// TestExcludeNeverOffersTheWholeTab checks that the exclusion menu on a
// tab of one kind does not offer that kind, which would empty the view.
func TestExcludeNeverOffersTheWholeTab(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("2", "g", "j", "-")...)
	if m.mode != ModePivot || menuLine(m, "user") == "" {
		t.Fatalf("the exclusion menu did not open on a connection row:\n%s", screen(m))
	}
	for _, it := range m.pivot.Items() {
		if strings.HasPrefix(it.Label, "kind") {
			t.Errorf("the Connections tab's exclusion menu offers %q", it.Label)
		}
	}
	all := drive(t, newTestModel(t, st, 120, 30), keys("g", "jjj", "-")...)
	if menuLine(all, "kind analytics") == "" {
		t.Errorf("the All tab's exclusion menu lost the kind:\n%s", screen(all))
	}
}

// TestExcludeNeverOffersWhatTheFilterNames: with user=alice… in the filter,
// "exclude user alice…" would empty the view and "filter on user alice…"
// would change nothing: neither menu offers it. Her two rows (one
// connection's events) share every other value but the event too, so the
// exclusion menu offers nothing and says so.
func TestExcludeNeverOffersWhatTheFilterNames(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 30), keys("/", "user=alice@example.com", "enter")...)
	if m.live.len() == 0 {
		t.Fatal("setup: no row of alice's")
	}
	ex := drive(t, m, keys("g", "-")...)
	for _, it := range ex.pivot.Items() {
		if strings.HasPrefix(it.Label, "user ") {
			t.Errorf("the exclusion menu offers %q, which empties the view", it.Label)
		}
	}
	if ex.mode == ModePivot || !strings.Contains(screen(ex), "nothing to exclude") {
		t.Errorf("the exclusion menu on rows that share every value does not say so:\n%s", screen(ex))
	}
	keep := drive(t, m, keys("g", "=")...)
	if menuLine(keep, "user alice@example.com") != "" {
		t.Errorf("the filter menu offers the user the filter has already:\n%s", screen(keep))
	}
}
