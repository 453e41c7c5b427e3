package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// sizeStates are the screens every terminal size is tried in: each tab,
// the detail pane, and every mode that takes the keyboard.
var sizeStates = []struct {
	name  string
	keys  []tea.Msg
	typed bool // the keys are typed into the bar: each waits out the debounce
}{
	{name: "all", keys: nil},
	{name: "connections", keys: keys("2")},
	{name: "service", keys: keys("3")},
	{name: "audit", keys: keys("4")},
	{name: "flows", keys: keys("5")},
	{name: "detail", keys: keys("g", "jjj", "enter")},
	{name: "detail_focused", keys: keys("g", "jjj", "enter", "tab", "j")},
	{name: "connections_detail", keys: keys("2", "enter")},
	{name: "filter_bar", keys: keys("/", "user"), typed: true},
	{name: "filter_error", keys: keys("/", "(user"), typed: true},
	{name: "no_match", keys: keys("/", "zzzz", "enter"), typed: true},
	{name: "goto", keys: keys(":")},
	{name: "pivot", keys: keys("g", "jjj", "=")},
	{name: "exclude", keys: keys("g", "jjj", "-")},
	{name: "help", keys: keys("?", "j")},
	{name: "export", keys: keys("x")},
	{name: "topn", keys: keys("s", "jj")},
	{name: "sessions", keys: keys("2", "S", "jj")},
	{name: "changed", keys: keys("C", "jj")},
	{name: "changed_windows", keys: keys("C", "w")},
	{name: "timeline", keys: keys("T", "h", "v", "h", "+")},
	{name: "timeline_detail", keys: keys("T", "tab", "enter")},
}

// TestEverySizeDraws renders every size from 1×1 to 30×12 in every state,
// reaching the size both at the start and by resizing: nothing may panic,
// and the screen must be exactly the terminal's size (no line wider than
// it, no more lines than it has).
func TestEverySizeDraws(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	for _, s := range sizeStates {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel() // the states share the store only to read it
			big := drive(t, newTestModel(t, st, 100, 30), s.keys...)
			for w := 1; w <= 30; w++ {
				for h := 1; h <= 12; h++ {
					if !s.typed {
						fresh := drive(t, newTestModel(t, st, w, h), s.keys...)
						checkDrawn(t, fmt.Sprintf("%s at %dx%d", s.name, w, h), fresh, w, h)
					}
					resized := drive(t, big, tea.WindowSizeMsg{Width: w, Height: h}, keys("down")[0])
					checkDrawn(t, fmt.Sprintf("%s resized to %dx%d", s.name, w, h), resized, w, h)
				}
			}
		})
	}
}

func checkDrawn(t *testing.T, what string, m Model, w, h int) {
	t.Helper()
	var view string
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%s: View panicked: %v", what, r)
			}
		}()
		view = m.View().Content
	}()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines; want %d:\n%s", what, len(lines), h, ansi.Strip(view))
		return
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d cells wide:\n%s", what, i, lw, ansi.Strip(view))
			return
		}
	}
}
