package ui

import (
	"testing"

	"connlog/model"
)

// TestNoPairOnceTheInputEnded: p with no paired event says "(yet)" only
// while lines may still come.
func TestNoPairOnceTheInputEnded(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	for _, c := range []struct {
		done bool
		want string
	}{{false, "no paired event for connection c9 (yet)"}, {true, "no paired event for connection c9 in the lines read"}} {
		m := drive(t, newTestModel(t, st, 120, 30), updateMsg{model.Update{Sources: []model.SourceStatus{{Name: "a.log", Done: c.done}}}})
		nm, _ := m.onPairFound(pairFoundMsg{from: m.table.CursorSeq(), id: "c9"})
		if got := nm.(Model).notice; got != c.want {
			t.Errorf("input done %v: notice %q; want %q", c.done, got, c.want)
		}
	}
}
