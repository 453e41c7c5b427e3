package ui

import (
	"strings"
	"testing"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model"
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
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("commands keep coming: a loop?")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := callCmd(t, c).(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil, tea.QuitMsg:
		default:
			nm, next := m.Update(msg)
			m = nm.(Model)
			queue = append(queue, next)
		}
	}
	return m
}

// callCmd runs one Cmd with a deadline, so a Cmd that blocks fails the
// test instead of hanging it.
func callCmd(t testing.TB, c tea.Cmd) tea.Msg {
	t.Helper()
	done := make(chan tea.Msg, 1)
	go func() { done <- c() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(10 * time.Second):
		t.Fatal("a command blocked for 10s")
		return nil
	}
}

// keys turns key names into key press messages, as Bubble Tea's input
// reader reports them: "enter", "esc", "ctrl+s", or characters typed one by
// one.
func keys(names ...string) []tea.Msg {
	special := map[string]tea.KeyPressMsg{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "up": {Code: tea.KeyUp},
		"down": {Code: tea.KeyDown}, "tab": {Code: tea.KeyTab}, "backspace": {Code: tea.KeyBackspace},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "pgup": {Code: tea.KeyPgUp},
		"pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
		"space": {Code: tea.KeySpace, Text: " "}, "ctrl+s": {Code: 's', Mod: tea.ModCtrl},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
	}
	var out []tea.Msg
	for _, n := range names {
		if k, ok := special[n]; ok {
			out = append(out, k)
			continue
		}
		for _, r := range n {
			out = append(out, typed(r))
		}
	}
	return out
}

// typed is the key press of a character, as the input reader reports it:
// an upper-case letter is shift with the letter.
func typed(r rune) tea.KeyPressMsg {
	if unicode.IsUpper(r) {
		return tea.KeyPressMsg{Code: unicode.ToLower(r), ShiftedCode: r, Mod: tea.ModShift, Text: string(r)}
	}
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

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
