package filterbar

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/ui/internal/uitest"
	"connlog/ui/theme"
)

var plain = theme.Monochrome()

// keyMsgs turns names into key presses (see uitest.Keys).
func keyMsgs(names ...string) []tea.Msg { return uitest.Keys(names...) }

// typeKeys sends keys to an input.
func typeKeys(l LineInput, names ...string) LineInput {
	for _, msg := range keyMsgs(names...) {
		l, _ = l.Update(msg)
	}
	return l
}

// withCursor shows the text with | at the cursor.
func withCursor(l LineInput) string {
	r := []rune(l.Value())
	return string(r[:l.Cursor()]) + "|" + string(r[l.Cursor():])
}

func TestLineInputEditing(t *testing.T) {
	cases := []struct {
		name  string
		start string
		keys  []string
		want  string
	}{
		{"typing appends", "", []string{"user:bob"}, "user:bob|"},
		{"ctrl+← goes to the word's start", "level>=warn user:bob", []string{"ctrl+left"}, "level>=warn |user:bob"},
		{"ctrl+← twice skips the spaces", "level>=warn  user:bob", []string{"ctrl+left", "ctrl+left"}, "|level>=warn  user:bob"},
		{"alt+← is ctrl+←", "a bc", []string{"alt+left"}, "a |bc"},
		{"ctrl+→ goes to the word's end", "level>=warn user:bob", []string{"home", "ctrl+right"}, "level>=warn| user:bob"},
		{"ctrl+→ skips spaces first", "ab  cd ef", []string{"home", "ctrl+right", "ctrl+right"}, "ab  cd| ef"},
		{"alt+→ is ctrl+→", "ab cd", []string{"home", "alt+right"}, "ab| cd"},
		{"ctrl+→ at the end stays", "ab", []string{"ctrl+right"}, "ab|"},
		{"ctrl+← at the start stays", "ab", []string{"home", "ctrl+left"}, "|ab"},
		{"ctrl+w deletes the word left", "kind:audit user:bob", []string{"ctrl+w"}, "kind:audit |"},
		{"alt+delete deletes the word right", "kind:audit user:bob", []string{"home", "alt+delete"}, "| user:bob"},
		{"ctrl+k kills to the end", "abc def", []string{"ctrl+left", "ctrl+k"}, "abc |"},
		{"ctrl+u kills to the start", "abc def", []string{"ctrl+left", "ctrl+u"}, "|def"},
		{"backspace in the middle", "abc", []string{"left", "backspace"}, "a|c"},
		{"delete at the end does nothing", "abc", []string{"delete"}, "abc|"},
		{"typing in the middle", "ac", []string{"left", "b"}, "ab|c"},
		{"wide characters move one at a time", "日本語", []string{"left", "left", "backspace"}, "|本語"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := NewLineInput(&plain, "/ ")
			l.SetValue(c.start)
			l = typeKeys(l, c.keys...)
			if got := withCursor(l); got != c.want {
				t.Errorf("got %q; want %q", got, c.want)
			}
		})
	}
}

// TestLineInputPasteIsInert pastes hostile text: line breaks become
// spaces, controls are dropped, and what is drawn carries no escape
// sequence or bidi override of the text's own.
func TestLineInputPasteIsInert(t *testing.T) {
	l := NewLineInput(&plain, "/ ")
	l.SetSize(80, 1)
	l, _ = l.Update(tea.PasteMsg{Content: "user:x\nq\x1b]52;c;aGk=\x07 \u202eevil"})
	if strings.ContainsAny(l.Value(), "\n\x1b\x07") {
		t.Errorf("value kept controls: %q", l.Value())
	}
	view := l.View()
	if strings.Contains(ansi.Strip(view), "\u202e") || strings.Contains(view, "\x1b]") {
		t.Errorf("the view lets hostile text through: %q", view)
	}
	if !strings.HasPrefix(l.Value(), "user:x q") {
		t.Errorf("value %q; want the paste whole with the line break a space", l.Value())
	}
}

// TestLineInputScrollsToCursor checks that a long value keeps the cursor
// in sight and the line at its width.
func TestLineInputScrollsToCursor(t *testing.T) {
	l := NewLineInput(&plain, "/ ")
	l.SetSize(20, 1)
	l.SetValue(strings.Repeat("a", 50) + "END")
	v := ansi.Strip(l.View())
	if ansi.StringWidth(v) != 20 || !strings.Contains(v, "END") {
		t.Errorf("view %q (%d cells); want 20 cells ending in END", v, ansi.StringWidth(v))
	}
}

// TestLineInputDrawsOnlyWhatShows: a long paste (a list of addresses, a
// query from a colleague) arrives as a key at a time and is drawn at each:
// View looks only at the runes that can show, so its work does not grow
// with the text (it measured the whole text once per rune scrolled past,
// and a 2,000-character paste took a minute to arrive). The cursor stays
// in sight wherever it is, and the view keeps its width.
func TestLineInputDrawsOnlyWhatShows(t *testing.T) {
	var text strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&text, "ip:10.0.%d.%d or ", i/250, i%250)
	}
	l := NewLineInput(&plain, "/ ")
	l.SetSize(80, 1)
	l.SetValue(text.String())
	if allocs := testing.AllocsPerRun(5, func() { _ = l.View() }); allocs > 200 {
		t.Errorf("View of a %d-rune text made %.0f allocations; want those of the 80 cells it shows", len([]rune(l.Value())), allocs)
	}
	mid := strings.Index(l.Value(), "ip:10.0.4.0 ")
	l.SetCursorByte(mid)
	v := ansi.Strip(l.View())
	if ansi.StringWidth(v) != 80 || !strings.Contains(v, "ip:10.0.3.249 or i") {
		t.Errorf("view %q (%d cells); want 80 cells ending at the cursor, on the i of ip:10.0.4.0", v, ansi.StringWidth(v))
	}
}

// TestLineInputRebound checks that the editor follows its KeyMap.
func TestLineInputRebound(t *testing.T) {
	l := NewLineInput(&plain, "")
	k := DefaultEditKeyMap()
	k.WordLeft = theme.Bind("word left", "ctrl+a")
	k.Home = theme.Bind("start", "home")
	l.SetKeys(k)
	l.SetValue("ab cd")
	l = typeKeys(l, "ctrl+a")
	if got := withCursor(l); got != "ab |cd" {
		t.Errorf("got %q; want the rebound word motion", got)
	}
}

// TestLineInputForPathsLeavesBreaksOut: in a path a space is part of a
// name, so a paste's line breaks and tabs are left out and counted, as
// other control characters are, rather than turned into spaces.
func TestLineInputForPathsLeavesBreaksOut(t *testing.T) {
	l := NewLineInput(&plain, "")
	l.SetForPaths()
	l, _ = l.Update(tea.PasteMsg{Content: "/tmp/a\tb.ndjson\r\n"})
	if got := l.Value(); got != "/tmp/ab.ndjson" {
		t.Errorf("value %q; want %q", got, "/tmp/ab.ndjson")
	}
	if n, _ := l.Dropped(); n != 3 || !strings.Contains(l.DroppedNote(), "3 control characters") {
		t.Errorf("dropped %d, note %q; want the 3 counted", n, l.DroppedNote())
	}
}
