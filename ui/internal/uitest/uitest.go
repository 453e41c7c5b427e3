// Package uitest holds what the tests of connlog's interface packages
// share: key presses as Bubble Tea's input reader reports them, and
// running a command or waiting on a channel with a deadline, so that a
// blocked test fails instead of hanging.
package uitest

import (
	"os"
	"testing"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// named are the key presses of the keys tests name.
var named = map[string]tea.KeyPressMsg{
	"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "up": {Code: tea.KeyUp},
	"down": {Code: tea.KeyDown}, "tab": {Code: tea.KeyTab}, "backspace": {Code: tea.KeyBackspace},
	"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "pgup": {Code: tea.KeyPgUp},
	"pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
	"delete": {Code: tea.KeyDelete}, "space": {Code: tea.KeySpace, Text: " "},
	"ctrl+s": {Code: 's', Mod: tea.ModCtrl}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
	"ctrl+u": {Code: 'u', Mod: tea.ModCtrl}, "ctrl+w": {Code: 'w', Mod: tea.ModCtrl},
	"ctrl+k": {Code: 'k', Mod: tea.ModCtrl}, "ctrl+a": {Code: 'a', Mod: tea.ModCtrl},
	"ctrl+e": {Code: 'e', Mod: tea.ModCtrl}, "ctrl+d": {Code: 'd', Mod: tea.ModCtrl},
	"alt+left": {Code: tea.KeyLeft, Mod: tea.ModAlt}, "alt+right": {Code: tea.KeyRight, Mod: tea.ModAlt},
	"ctrl+left": {Code: tea.KeyLeft, Mod: tea.ModCtrl}, "ctrl+right": {Code: tea.KeyRight, Mod: tea.ModCtrl},
	"alt+delete": {Code: tea.KeyDelete, Mod: tea.ModAlt},
}

// Keys turns key names into key press messages: "enter", "esc", "ctrl+s",
// "ctrl+left", or characters typed one by one.
func Keys(names ...string) []tea.Msg {
	var out []tea.Msg
	for _, n := range names {
		if k, ok := named[n]; ok {
			out = append(out, k)
			continue
		}
		for _, r := range n {
			out = append(out, Typed(r))
		}
	}
	return out
}

// Typed is the key press of a character: an upper-case letter is shift
// with the letter.
func Typed(r rune) tea.KeyPressMsg {
	if unicode.IsUpper(r) {
		return tea.KeyPressMsg{Code: unicode.ToLower(r), ShiftedCode: r, Mod: tea.ModShift, Text: string(r)}
	}
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

// Call runs one Cmd, failing the test if it blocks for 10 s.
func Call(t testing.TB, c tea.Cmd) tea.Msg {
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

// Within fails the test unless ch is closed within d.
func Within(t testing.TB, ch <-chan struct{}, d time.Duration, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(d):
		t.Fatalf("%s did not happen within %v", what, d)
	}
}

// DirEntries lists the names in dir.
func DirEntries(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// Run runs cmd and everything it leads to, handing each message to update
// as the program would (batches are opened; a quit ends nothing but its
// own branch), and fails the test on an endless chain.
func Run[M any](t testing.TB, m M, cmd tea.Cmd, update func(M, tea.Msg) (M, tea.Cmd)) M {
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
		switch msg := Call(t, c).(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil, tea.QuitMsg:
		default:
			var next tea.Cmd
			m, next = update(m, msg)
			queue = append(queue, next)
		}
	}
	return m
}

// Moves are the movement bindings of the interface, for the tests of the
// components that scroll.
type Moves struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
}

// DefaultMoves returns the moves bound as the interface binds them.
func DefaultMoves() Moves {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], help))
	}
	return Moves{Up: b("up", "k", "up"), Down: b("down", "j", "down"), PageUp: b("page up", "pgup"),
		PageDown: b("page down", "pgdown"), HalfUp: b("half up", "ctrl+u"), HalfDown: b("half down", "ctrl+d"),
		Top: b("top", "g", "home"), Bottom: b("bottom", "G", "end")}
}
