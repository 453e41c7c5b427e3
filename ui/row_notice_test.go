package ui

import (
	"strings"
	"testing"
)

// A notice about a move from the cursor's row goes with the next move;
// one about something else stays while the cursor moves.
func TestRowNoticeGoesWithTheNextMove(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	for _, move := range []string{"j", "k", "g", "pgup"} {
		m := drive(t, newTestModel(t, st, 120, 35), keys("G", "w")...)
		if m.notice != "no warning after this row" {
			t.Fatalf("setup: notice %q", m.notice)
		}
		m = drive(t, m, keys(move)...)
		if m.notice != "" || strings.Contains(screen(m), "no warning after this row") {
			t.Errorf("after %s the notice about the row stayed: %q", move, m.notice)
		}
	}
	m := drive(t, newTestModel(t, st, 120, 35), keys("G", "w")...)
	m = drive(t, m, noticeMsg("an input failed"))
	m = drive(t, m, keys("k")...)
	if m.notice != "an input failed" {
		t.Errorf("a notice about no row went with a move: %q", m.notice)
	}
}
