package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// headerOf returns the table's header line as shown.
func headerOf(m Model) string {
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, "TIME") {
			return l
		}
	}
	return ""
}

// TestConnectionsAt80 checks which columns win at 80 columns: the time,
// the event, the user, the resource, then bytes and duration.
func TestConnectionsAt80(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 80, 24), keys("2")...)
	h := headerOf(m)
	for _, want := range []string{"TIME", "EVENT", "USER", "RESOURCE", "RX", "TX", "DUR", "▸"} {
		if !strings.Contains(h, want) {
			t.Errorf("header %q lacks %s", h, want)
		}
	}
}

// TestHorizontalScroll checks that → (and l) scroll the columns until every
// column of the tab has been on screen, each press changing what is shown,
// with ◂/▸ saying that columns are off-screen; ← (and h) come back.
func TestHorizontalScroll(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	for _, k := range [][2]string{{"right", "left"}, {"l", "h"}} {
		m := drive(t, newTestModel(t, st, 80, 24), keys("2")...)
		first := headerOf(m)
		seen := first
		for steps := 0; strings.Contains(headerOf(m), "▸"); steps++ {
			before := headerOf(m)
			m = drive(t, m, keys(k[0])...)
			if headerOf(m) == before {
				t.Fatalf("%s changed nothing though ▸ says more columns: %q", k[0], before)
			}
			if !strings.HasPrefix(strings.TrimSpace(headerOf(m)), "◂ TIME") {
				t.Errorf("scrolled header %q: want ◂ and the time pinned first", headerOf(m))
			}
			seen += headerOf(m)
			if steps > len(tabColumns[TabConnections]) {
				t.Fatal("scrolling right never ends")
			}
		}
		for _, col := range tabColumns[TabConnections] {
			if col.Varying() { // HOST: the fixture is one host's, so it never shows
				continue
			}
			if !strings.Contains(seen, col.Title()) {
				t.Errorf("%s never showed column %s", k[0], col.Title())
			}
		}
		for i := 0; i < len(tabColumns[TabConnections]); i++ {
			m = drive(t, m, keys(k[1])...)
		}
		if headerOf(m) != first {
			t.Errorf("%s back: %q; want %q", k[1], headerOf(m), first)
		}
	}
}

// TestResizeUnscrolls checks that a new width starts again from the left,
// where the columns that fit are chosen afresh.
func TestResizeUnscrolls(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 80, 24), keys("2", "l", "l")...)
	if !strings.Contains(headerOf(m), "◂") {
		t.Fatalf("setup: not scrolled: %q", headerOf(m))
	}
	m = drive(t, m, tea.WindowSizeMsg{Width: 200, Height: 30})
	if h := headerOf(m); strings.ContainsAny(h, "◂▸") || !strings.Contains(h, "EVENT") {
		t.Errorf("header after widening: %q; want every column, unscrolled", h)
	}
}

// TestNoScrollWhenAllFit checks that nothing scrolls when every column is
// on screen.
func TestNoScrollWhenAllFit(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	before := headerOf(m)
	m = drive(t, m, keys("right")...)
	if h := headerOf(m); h != before || strings.ContainsAny(h, "◂▸") {
		t.Errorf("header %q after → ; want %q unchanged", h, before)
	}
}
