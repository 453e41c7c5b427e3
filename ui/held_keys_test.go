package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// typeTogether feeds msgs to m as keys read in one write are fed: each
// through Update before any command they start has run (the view a filter
// builds, a debounced preview). It returns the model and those commands.
func typeTogether(m Model, msgs []tea.Msg) (Model, tea.Cmd) {
	cmds := make([]tea.Cmd, 0, len(msgs))
	for _, msg := range msgs {
		nm, cmd := m.Update(msg)
		m, cmds = nm.(Model), append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// TestKeysTypedWithTheFilterActOnItsView types a filter, enter and moves
// in one write: the moves wait for the filter's view, and land where the
// same moves typed after it land. Quitting does not wait.
func TestKeysTypedWithTheFilterActOnItsView(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	base := drive(t, newTestModel(t, st, 120, 30), keys("g")...)
	filter := append(keys("/", "kind:service"), keys("enter")...)
	moves := keys("g", "j", "j")

	after := drive(t, base, filter...)
	after = drive(t, after, moves...)
	want := after.table.CursorSeq()

	m, cmd := typeTogether(base, append(filter, moves...))
	if len(m.heldKeys) != len(moves) {
		t.Fatalf("%d keys held while the view was built; want the %d moves", len(m.heldKeys), len(moves))
	}
	m = runCmd(t, m, cmd)
	if m.filter.text != "kind:service" || len(m.heldKeys) != 0 {
		t.Fatalf("filter %q, %d keys still held; want kind:service and none", m.filter.text, len(m.heldKeys))
	}
	if got := m.table.CursorSeq(); got != want || want == base.table.CursorSeq() {
		t.Errorf("the cursor is on entry %d; typed after the view it is on %d (and %d before the filter)",
			got, want, base.table.CursorSeq())
	}

	_, cmd = typeTogether(base, append(append(filter, moves...), keys("q")...))
	if !quits(t, cmd) {
		t.Error("q typed while the view was built did not quit")
	}

	// A key held down through a long build: its repeats past the bound are
	// dropped, none acts on the old view.
	many := append([]tea.Msg(nil), filter...)
	for range maxHeldKeys + 50 {
		many = append(many, keys("j")...)
	}
	m, _ = typeTogether(base, many)
	if len(m.heldKeys) != maxHeldKeys || m.table.CursorSeq() != base.table.CursorSeq() {
		t.Errorf("%d keys held of %d, cursor on %d (was %d); want %d held and the cursor unmoved",
			len(m.heldKeys), maxHeldKeys+50, m.table.CursorSeq(), base.table.CursorSeq(), maxHeldKeys)
	}
}
