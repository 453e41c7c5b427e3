package filterbar

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestPasteSaysWhatItLeftOut: control characters of a paste are still
// left out of the query, and the bar says how many, until the next edit.
func TestPasteSaysWhatItLeftOut(t *testing.T) {
	b := New(keysFor(), &plain).Open("", Filter)
	b.SetSize(100, 2)
	b, _ = b.Update(tea.PasteMsg{Content: "user:x \x1b[31mred\x1b[0m\x07"})
	if strings.ContainsAny(b.Value(), "\x1b\x07") {
		t.Fatalf("the query kept control characters: %q", b.Value())
	}
	view := ansi.Strip(b.View())
	if !strings.Contains(view, "3 control characters of the paste left out; find one with a regex: /\\x1b/") {
		t.Errorf("the bar does not say what the paste lost:\n%s", view)
	}
	b, _ = send(b, "x")
	if view := ansi.Strip(b.View()); strings.Contains(view, "control characters") {
		t.Errorf("the note outlived the next key:\n%s", view)
	}
	b, _ = b.Update(tea.PasteMsg{Content: "plain"})
	if view := ansi.Strip(b.View()); strings.Contains(view, "control characters") {
		t.Errorf("a clean paste has a note:\n%s", view)
	}
}

// keysFor is the default keys, addressable.
func keysFor() *KeyMap {
	k := DefaultKeyMap()
	return &k
}

// TestPasteNoteOutlivesOtherMessages: only a key or a paste takes the
// note away, not the messages the bar is handed meanwhile.
func TestPasteNoteOutlivesOtherMessages(t *testing.T) {
	b := New(keysFor(), &plain).Open("", Filter)
	b.SetSize(100, 2)
	b, _ = b.Update(tea.PasteMsg{Content: "a\x07"})
	b, _ = b.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if view := ansi.Strip(b.View()); !strings.Contains(view, "1 control character of the paste left out; find one with a regex: /\\x07/") {
		t.Errorf("the note was lost:\n%s", view)
	}
}
