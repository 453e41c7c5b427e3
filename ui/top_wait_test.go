package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// g typed while a file's head is still being read goes to the oldest entry
// of the input: the keys typed after it wait for the head, so gjjj ends on
// the file's fourth row, not three rows under the oldest row read so far.
func TestTopWaitsForTheHead(t *testing.T) {
	st, rp := newFixtureStore(t, tailRows(50))
	m := drive(t, newTestModel(t, st, 120, 24), indexing)
	m = drive(t, m, keys("g", "j", "j", "j")...)
	if !strings.Contains(m.notice, "wait") {
		t.Errorf("g while the head is read does not say it waits for it: notice %q", m.notice)
	}
	es := headRows(0, 60)
	rp.add(es)
	st.Prepend(es)
	m = drive(t, m, updateMsg{model.Update{Appended: len(es)}}, indexed)
	if got := m.cursorTime(); !got.Equal(at(3 * 1000)) {
		t.Errorf("after the head: cursor at %v; want the fourth row of the file, %v", got, at(3*1000))
	}
	if strings.Contains(m.notice, "wait") {
		t.Errorf("after the head the footer still says keys wait: %q", m.notice)
	}
}
