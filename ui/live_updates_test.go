package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
)

// While a file is read at full speed, the UI takes an update, then waits
// for the frame before it takes the next: what the ingest loop stores
// meanwhile is added up into one update, so the UI redraws once a frame
// rather than once a batch of lines.
func TestNextUpdateIsTakenAtTheFrame(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	ch := make(chan model.Update, 1)
	m := New(testConfig(), st, ch)
	ch <- model.Update{Appended: 2} // what the ingest loop sent since

	nm, cmd := m.Update(updateMsg{model.Update{Appended: 1}})
	if taken := takesUpdate(t, cmd); taken || len(ch) != 1 {
		t.Fatalf("an update was taken before the frame (taken %v, %d left queued)", taken, len(ch))
	}
	if _, again := nm.(Model).Update(updateMsg{}); again != nil {
		t.Fatal("a second update before the frame scheduled another frame or wait")
	}
	_, cmd = nm.(Model).Update(frameMsg{})
	if !takesUpdate(t, cmd) || len(ch) != 0 {
		t.Fatalf("the frame did not take the queued update (%d left queued)", len(ch))
	}
}

// takesUpdate runs cmd and the commands batched in it, and reports whether
// one of them delivered an ingest update.
func takesUpdate(t *testing.T, cmd tea.Cmd) bool {
	t.Helper()
	if cmd == nil {
		return false
	}
	switch msg := callCmd(t, cmd).(type) {
	case updateMsg:
		return true
	case tea.BatchMsg:
		taken := false
		for _, c := range msg {
			taken = takesUpdate(t, c) || taken
		}
		return taken
	}
	return false
}
