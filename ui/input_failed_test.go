package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// failedInputs is an update of two inputs, the first of which could not be
// opened.
var failedInputs = updateMsg{model.Update{Sources: []model.SourceStatus{
	{Name: "secret.log", Err: "open secret.log: permission denied — run with sudo, or make the file readable by your user", Done: true},
	{Name: "burst.log", State: "EOF", Done: true},
}}}

// TestAFailedInputSaysWhyAt80Columns: at 80x24 the footer says which input
// failed and why, whole, and ? lists every input with its state.
func TestAFailedInputSaysWhyAt80Columns(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 80, 24), failedInputs)
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "secret.log failed: open secret.log: permission denied — run with sudo, or make the file readable by your user") {
		t.Errorf("the footer does not say which input failed and why:\n%s", screen(m))
	}
	help := drive(t, m, keys("?")...)
	s := strings.Join(strings.Fields(screen(help)), " ")
	for _, want := range []string{"secret.log: ERROR open secret.log: permission denied — run with sudo, or make the file readable by your user", "burst.log: EOF"} {
		if !strings.Contains(s, want) {
			t.Errorf("the help screen does not list %q:\n%s", want, screen(help))
		}
	}
	m.notice = "" // read
	if again := drive(t, m, failedInputs); again.notice != "" {
		t.Errorf("an input that had failed already is told again: %q", again.notice)
	}
}
