package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"connlog/model"
)

// testNow is the fixed clock of the tests.
var testNow = base.Add(time.Hour)

func testConfig() Config {
	return Config{Title: "twingate-connector @ conn-host", Location: time.UTC, Now: func() time.Time { return testNow },
		MaxMemory: 256 << 20}
}

// newTestModel builds the interface over st at a size, with its first view
// built, as a program would after Init.
func newTestModel(t testing.TB, st *model.Store, w, h int) Model {
	t.Helper()
	m := New(testConfig(), st, nil)
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

// keys turns key names into key messages: "enter", "esc", "ctrl+s", or
// runes typed one by one.
func keys(names ...string) []tea.Msg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown, "tab": tea.KeyTab,
		"ctrl+s": tea.KeyCtrlS, "ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace, "left": tea.KeyLeft,
		"right": tea.KeyRight, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"space": tea.KeySpace, "ctrl+u": tea.KeyCtrlU,
	}
	var out []tea.Msg
	for _, n := range names {
		if k, ok := special[n]; ok {
			out = append(out, tea.KeyMsg{Type: k})
			continue
		}
		for _, r := range n {
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
	return out
}

// screen returns what a person sees: the view without styling.
func screen(m Model) string { return ansi.Strip(m.View()) }

// stripLines removes styling and trailing spaces from every line.
func stripLines(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}
