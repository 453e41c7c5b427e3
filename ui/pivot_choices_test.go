package ui

import (
	tea "charm.land/bubbletea/v2"

	"strconv"
	"strings"
	"testing"
)

// TestPivotOffersOnlyWhatLeavesRows: every choice of either menu, taken,
// leaves a row of the view and narrows it; a value every row of the view
// shares (the host of a log from one host, the user the filter names) is
// offered by neither.
func TestPivotOffersOnlyWhatLeavesRows(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	for _, c := range []struct {
		name, tab, filter string
		oneHost           bool // every row of the view has the host
	}{
		{"all entries", "1", "", false},
		{"connections of one user", "2", "user=alice@example.com", true},
		{"connections", "2", "", true},
	} {
		m := newTestModel(t, st, 120, 30)
		m = drive(t, m, keys(c.tab)...)
		if c.filter != "" {
			m = drive(t, m, keys("/", c.filter, "enter")...)
		}
		m = drive(t, m, keys("g", "j")...)
		for _, pivotKey := range []string{"-", "="} {
			menu := drive(t, m, keys(pivotKey)...)
			for i, it := range menu.pivot.Items() {
				if c.oneHost && strings.HasPrefix(it.Label, "host ") {
					t.Errorf("%s: the %s menu offers %q, which every row has", c.name, pivotKey, it.Label)
				}
				taken := drive(t, menu, keys(strconv.Itoa(i+1))...)
				if taken.live.len() == 0 {
					t.Errorf("%s: %s %q empties the view (filter %q)", c.name, pivotKey, it.Label, taken.filter.text)
				}
				if taken.live.len() >= m.live.len() {
					t.Errorf("%s: %s %q leaves the view as it was, %d rows (filter %q)", c.name, pivotKey, it.Label, m.live.len(), taken.filter.text)
				}
			}
		}
	}
}

// TestExcludeSaysWhenNothingCanBeExcluded: on a view whose rows share
// every value of the row, the exclusion menu does not open, and the
// footer says why.
func TestExcludeSaysWhenNothingCanBeExcluded(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 30), keys("2", "/", "user=bob@example.com", "enter", "g", "-")...)
	if m.live.len() != 1 {
		t.Fatalf("setup: %d rows of bob's, want 1", m.live.len())
	}
	if m.mode == ModePivot || !strings.Contains(screen(m), "nothing to exclude") {
		t.Errorf("the exclusion menu on a view of one row: mode %v\n%s", m.mode, screen(m))
	}
}

// TestPivotKeysTypedTogether: a digit that arrives with the - that opens
// the menu chooses in it, though the menu's choices are decided off the
// interface's loop.
func TestPivotKeysTypedTogether(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 30), keys("2", "g", "j")...)
	menu := drive(t, m, keys("-")...)
	if len(menu.pivot.Items()) == 0 {
		t.Fatal("setup: no exclusion menu")
	}
	want := drive(t, menu, keys("1")...).filter.text
	got := drive(t, m, tea.KeyPressMsg{Code: tea.KeyExtended, Text: "-1"})
	if got.filter.text != want {
		t.Errorf("- and 1 read together: filter %q, want %q", got.filter.text, want)
	}
}

// TestPivotSaysWhileDecidingSlowly: choices that take long are said to be
// looked for, with how to give up; esc gives up and takes the notice away,
// as the menu's opening does; a late word of an older menu says nothing.
func TestPivotSaysWhileDecidingSlowly(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 30), keys("2", "g", "j")...)
	nm, _ := m.openPivot(true) // its choices not yet decided
	asked := nm.(Model)
	gen := asked.pivotAsk.gen
	if stale := drive(t, asked, pivotSlowMsg{gen: gen - 1}); strings.Contains(screen(stale), "looking for the values") {
		t.Errorf("an older menu's word shows:\n%s", screen(stale))
	}
	slow := drive(t, asked, pivotSlowMsg{gen: gen})
	if s := screen(slow); !strings.Contains(s, "looking for the values") || !strings.Contains(s, "esc gives up") {
		t.Fatalf("no word while the choices take long:\n%s", s)
	}
	gaveUp := drive(t, slow, keys("esc")...)
	if gaveUp.pivotAsk.waiting || strings.Contains(screen(gaveUp), "looking for the values") {
		t.Errorf("esc: still waiting %v\n%s", gaveUp.pivotAsk.waiting, screen(gaveUp))
	}
	items := drive(t, m, keys("-")...).pivot.Items()
	if len(items) == 0 {
		t.Fatal("setup: no exclusion menu")
	}
	shown := drive(t, slow, pivotChoicesMsg{gen: gen, items: items, exclude: true})
	if shown.mode != ModePivot || strings.Contains(screen(shown), "looking for the values") {
		t.Errorf("the notice stays once the choices are decided:\n%s", screen(shown))
	}
}
