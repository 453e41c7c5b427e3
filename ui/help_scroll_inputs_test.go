package ui

import (
	"fmt"
	"strings"
	"testing"

	"connlog/model"
)

// TestHelpScrollsToItsEndWithInputs: with several inputs listed above the
// keys, G reaches the last line of the note and "more below" goes; the
// screen's last offset must count the inputs it draws.
func TestHelpScrollsToItsEndWithInputs(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	var srcs []model.SourceStatus
	for i := range 8 {
		srcs = append(srcs, model.SourceStatus{Name: fmt.Sprintf("input-%d.log", i), State: "EOF", Done: true})
	}
	m := drive(t, newTestModel(t, st, 80, 24), updateMsg{model.Update{Sources: srcs}})
	m = drive(t, m, keys("?", "G")...)
	s := screen(m)
	if strings.Contains(s, "more below") {
		t.Errorf("after G the help still says more is below:\n%s", s)
	}
	if !strings.Contains(strings.Join(strings.Fields(s), " "), "with the same length just before it.") {
		t.Errorf("after G the help does not show the end of its note:\n%s", s)
	}
}
