package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/internal/uitest"
	"connlog/ui/theme"
)

// testNow is the fixed clock of the tests.
var testNow = base.Add(time.Hour)

func testConfig() Config {
	return Config{Title: "twingate-connector @ conn-host", Location: time.UTC, Now: func() time.Time { return testNow },
		MaxMemory: 256 << 20}
}

// newTestModel builds the interface over st at a size, with its first view
// built, as a program would after Init. It draws without styling (see
// unstyled); a test of colour builds its model with New.
func newTestModel(t testing.TB, st *model.Store, w, h int) Model {
	t.Helper()
	m := withStyles(New(testConfig(), st, nil), unstyled(theme.Default()))
	m = drive(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return runCmd(t, m, m.initCmd)
}

// drive sends messages one by one, running the Cmds each returns to
// completion, as the program would (without its timers: no Init, no live
// updates).
func drive(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		nm, cmd := m.Update(msg)
		m = runCmd(t, nm.(Model), cmd)
	}
	return m
}

// runCmd runs cmd and everything it leads to.
func runCmd(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	return uitest.Run(t, m, cmd, func(m Model, msg tea.Msg) (Model, tea.Cmd) {
		nm, next := m.Update(msg)
		return nm.(Model), next
	})
}

// callCmd runs one Cmd with a deadline, so a Cmd that blocks fails the
// test instead of hanging it.
func callCmd(t testing.TB, c tea.Cmd) tea.Msg { t.Helper(); return uitest.Call(t, c) }

// keys turns key names into key press messages, as Bubble Tea's input
// reader reports them: "enter", "esc", "ctrl+s", or characters typed one by
// one.
func keys(names ...string) []tea.Msg { return uitest.Keys(names...) }

// screen returns what a person sees: the view without styling.
func screen(m Model) string { return ansi.Strip(m.View().Content) }

// stripLines removes styling and trailing spaces from every line.
func stripLines(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}
