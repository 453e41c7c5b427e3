package ui

import (
	"fmt"
	"testing"

	"connlog/model"
)

// TestTrimDuringAnExtensionMovesTheCursorOnce: a frame that finds rows
// evicted while an extension runs on a clone of the view leaves the view
// alone; the adopted clone is trimmed once, and a paused cursor stays on
// its entry (it used to move up by the evicted rows twice).
func TestTrimDuringAnExtensionMovesTheCursorOnce(t *testing.T) {
	st := model.NewStore(model.StoreOptions{MaxMemory: 8 << 20})
	st.Append(serviceBatch(0))
	m := drive(t, newTestModel(t, st, 100, 30), keys("G", "k", "k")...)
	b := 1
	for ; st.Stats().Evicted == 0 && b < 200; b++ { // fill the store to its budget
		st.Append(serviceBatch(1000 * b))
		m = drive(t, m, frameMsg{})
	}
	m = drive(t, m, keys("G", "k", "k")...)
	want := m.table.CursorSeq()
	st.Append(serviceBatch(1000 * b))
	nm, extend := m.Update(frameMsg{}) // the extension starts, on a clone
	if extend == nil {
		t.Fatal("no extension started")
	}
	evictedBefore := st.Stats().Evicted
	for k := 1; k <= 100 && st.Stats().Evicted == evictedBefore; k++ {
		st.Append(serviceBatch(1000 * (b + k)))
	}
	if st.Stats().Evicted == evictedBefore {
		t.Fatal("the store evicted nothing while the extension ran: the test does not test")
	}
	nm, _ = nm.(Model).Update(frameMsg{}) // a frame while the extension runs
	m = drive(t, nm.(Model), extend())
	if !st.Snapshot().Has(want) {
		t.Fatalf("the cursor's entry %d was evicted (store holds %d to %d): the test does not test", want, st.Snapshot().First(), st.Snapshot().End())
	}
	if got := m.table.CursorSeq(); got != want {
		t.Errorf("the cursor moved from entry %d to %d", want, got)
	}
}

// TestEvictionKeepsAPausedCursorOnItsEntry: rows evicted above a paused
// cursor on one of the newest rows move it up by as many, onto the same
// entry (it used to be clamped to the shorter view's end first).
func TestEvictionKeepsAPausedCursorOnItsEntry(t *testing.T) {
	st := model.NewStore(model.StoreOptions{MaxMemory: 8 << 20})
	st.Append(serviceBatch(0))
	m := newTestModel(t, st, 100, 30)
	b := 1
	for ; st.Stats().Evicted == 0 && b < 200; b++ {
		st.Append(serviceBatch(1000 * b))
		m = drive(t, m, frameMsg{})
	}
	m = drive(t, m, keys("G", "k")...)
	want, evicted := m.table.CursorSeq(), st.Stats().Evicted
	for k := 0; k < 100 && st.Stats().Evicted == evicted; k++ {
		st.Append(serviceBatch(1000 * (b + k)))
	}
	m = drive(t, m, frameMsg{})
	if st.Stats().Evicted == evicted || !st.Snapshot().Has(want) {
		t.Fatal("no eviction above the cursor's entry: the test does not test")
	}
	if got := m.table.CursorSeq(); got != want {
		t.Errorf("the cursor moved from entry %d to %d", want, got)
	}
}

// serviceBatch is 1,000 info service lines a second apart, numbered from
// from: enough of them fill a small store's budget.
func serviceBatch(from int) []model.Entry {
	es := make([]model.Entry, 1000)
	for i := range es {
		es[i] = service(1000*(from+i), model.LevelInfo, "connector", "", fmt.Sprintf("line %06d", from+i))
	}
	return es
}
