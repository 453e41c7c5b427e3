package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// TestPairHiddenByFilter checks that p is never a dead end: when the
// filter hides the paired event, p shows it in the detail pane, and p
// again clears the filter and lands on it.
func TestPairHiddenByFilter(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/", "event:closed*", "enter", "G")...)
	from := m.table.CursorSeq()
	e := m.table.Entry(m.store.Snapshot(), from)
	if e == nil || e.Fields.Value(model.KeyEventType) != model.EventClosed {
		t.Fatalf("setup: the cursor is not on a closed connection")
	}
	m = drive(t, m, keys("p")...)
	partner := m.detail.Seq()
	if !m.showDetail || partner == 0 || partner == from || m.table.CursorSeq() != from {
		t.Fatalf("first p: detail shown %v on %d (cursor %d, from %d); want the pair in the pane, cursor kept",
			m.showDetail, partner, m.table.CursorSeq(), from)
	}
	if s := screen(m); !strings.Contains(s, "CONNECTION ESTABLISHED") || !strings.Contains(s, "p again clears the filter") {
		t.Errorf("first p: the pane does not show the established event and the way to it:\n%s", s)
	}
	m = drive(t, m, keys("p")...)
	if m.filter.text != "" || m.table.CursorSeq() != partner {
		t.Fatalf("second p: filter %q, cursor %d; want no filter and the cursor on the pair %d",
			m.filter.text, m.table.CursorSeq(), partner)
	}
	if m = drive(t, m, keys("/", "up")...); m.bar.Value() != "event:closed*" {
		t.Errorf("the cleared filter is not one ↑ away: %q", m.bar.Value())
	}
}

// TestPairPeekEndsOnMove checks that moving the cursor after the pair was
// shown brings the pane back to the cursor's entry.
func TestPairPeekEndsOnMove(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/", "event:closed*", "enter", "G", "p", "k")...)
	if m.detail.Seq() != m.table.CursorSeq() || m.peek != 0 {
		t.Errorf("after a move the pane shows %d, cursor on %d", m.detail.Seq(), m.table.CursorSeq())
	}
}
