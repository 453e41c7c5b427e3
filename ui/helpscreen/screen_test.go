package helpscreen

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"connlog/ui/internal/uitest"
	"connlog/ui/theme"
)

// testKeys is a small interface KeyMap: two groups and a note.
type testKeys struct {
	quit, find, open, close key.Binding
	note                    string
}

func newTestKeys() *testKeys {
	return &testKeys{quit: theme.Bind("quit", "q"), find: theme.Bind("find", "/"),
		open: theme.Bind("help", "?"), close: theme.Bind("close", "esc"), note: "the note under the keys"}
}

func (k *testKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.quit}, {k.find, k.open}}
}
func (k *testKeys) HelpGroups() []string { return []string{"Leave", "Look"} }
func (k *testKeys) HelpNote() string     { return k.note }
func (k *testKeys) HelpKeys() KeyMap {
	return KeyMap{Up: theme.Bind("up", "k"), Down: theme.Bind("down", "j"), PageUp: theme.Bind("pgup", "pgup"),
		PageDown: theme.Bind("pgdn", "pgdown"), Top: theme.Bind("top", "g"), Bottom: theme.Bind("bottom", "G"), Scroll: theme.Bind("scroll", "j/k"), Toggle: k.open, Close: k.close}
}

var plain = theme.Monochrome()

func newScreen(k Bindings, w, h int) Model {
	s := New(k, &plain)
	s.SetSize(w, h)
	return s
}

// TestScreenShowsEveryGroup: the titles, every binding and the note are on
// the screen, at its size.
func TestScreenShowsEveryGroup(t *testing.T) {
	v := ansi.Strip(newScreen(newTestKeys(), 80, 12).View())
	for _, want := range []string{"connlog — keys", "Leave", "Look", "q", "quit", "/", "find", "the note under the keys",
		"(j/k scroll · ?/esc close)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the screen lacks %q:\n%s", want, v)
		}
	}
	lines := strings.Split(v, "\n")
	if len(lines) != 12 || ansi.StringWidth(lines[0]) != 80 {
		t.Errorf("%d lines of %d cells; want 12 of 80", len(lines), ansi.StringWidth(lines[0]))
	}
}

// TestScreenFollowsRebinding: a key rebound after the screen was made
// shows on it, in the groups and in the title.
func TestScreenFollowsRebinding(t *testing.T) {
	k := newTestKeys()
	s := newScreen(k, 80, 12)
	k.find = theme.Bind("find", "F")
	k.close = theme.Bind("close", "ctrl+g")
	v := ansi.Strip(s.View())
	if !strings.Contains(v, "F find") && !strings.Contains(v, "F  find") {
		t.Errorf("the rebound find key is not shown:\n%s", v)
	}
	if !strings.Contains(v, "?/ctrl+g close") {
		t.Errorf("the title does not name the rebound close key:\n%s", v)
	}
}

// TestScreenScrolls: on a short terminal the moves scroll, never past the
// end nor above the top.
func TestScreenScrolls(t *testing.T) {
	k := newTestKeys()
	k.note = strings.Repeat("a long note ", 40)
	s := newScreen(k, 30, 4)
	for _, msg := range uitest.Keys("j", "j", "j") {
		s, _ = s.Update(msg)
	}
	if s.Offset() != 3 {
		t.Fatalf("offset %d after three j; want 3", s.Offset())
	}
	if first := strings.Split(ansi.Strip(s.View()), "\n")[0]; strings.Contains(first, "connlog — keys") {
		t.Errorf("scrolled, the title is still on the first line: %q", first)
	}
	for _, msg := range uitest.Keys("k", "k", "k", "k", "k") {
		s, _ = s.Update(msg)
	}
	if s.Offset() != 0 {
		t.Errorf("offset %d after scrolling back past the top; want 0", s.Offset())
	}
}

// TestScreenSaysMoreBelow: a screen too short for every key says on its
// last row that more is below, and with which key; scrolled to the end it
// no longer does.
func TestScreenSaysMoreBelow(t *testing.T) {
	k := newTestKeys()
	k.note = strings.Repeat("a long note ", 40)
	s := newScreen(k, 30, 6)
	last := func(s Model) string {
		lines := strings.Split(ansi.Strip(s.View()), "\n")
		if len(lines) != s.height {
			t.Fatalf("%d lines; want %d", len(lines), s.height)
		}
		return lines[len(lines)-1]
	}
	if got := strings.TrimSpace(last(s)); got != "▼ more below (j)" {
		t.Errorf("last row %q; want the mark", got)
	}
	for range 40 {
		s, _ = s.Update(uitest.Keys("j")[0])
	}
	if got := last(s); strings.Contains(got, "more below") || !strings.Contains(got, "note") {
		t.Errorf("scrolled to the end, the last row is %q; want the end of the note", got)
	}
	if got := last(newScreen(k, 80, 40)); strings.Contains(got, "more below") || strings.TrimSpace(got) != "" {
		t.Errorf("with room for everything the last row is %q", got)
	}
}

// TestScreenScrollStopsAtTheEnd: keys pressed down past the last line do
// not pile up, so the first key up moves at once; a page moves a screen
// less a line, and the top and bottom keys go to either end.
func TestScreenScrollStopsAtTheEnd(t *testing.T) {
	k := newTestKeys()
	k.note = strings.Repeat("a long note ", 40)
	s := newScreen(k, 30, 6)
	last := s.lastOffset()
	if last < 8 {
		t.Fatalf("only %d lines to scroll: the test needs more", last)
	}
	press := func(keys ...string) {
		for _, msg := range uitest.Keys(keys...) {
			s, _ = s.Update(msg)
		}
	}
	for range last + 20 {
		press("j")
	}
	atEnd := s.View()
	press("k")
	if s.Offset() != last-1 || s.View() == atEnd {
		t.Errorf("one k after j past the end: offset %d, want %d, and a moved screen", s.Offset(), last-1)
	}
	press("g")
	if s.Offset() != 0 {
		t.Errorf("g: offset %d, want 0", s.Offset())
	}
	press("pgdown")
	if s.Offset() != 5 {
		t.Errorf("pgdown from the top: offset %d, want 5 (a screen of 6 less a line)", s.Offset())
	}
	press("G")
	if s.Offset() != last {
		t.Errorf("G: offset %d, want %d", s.Offset(), last)
	}
	press("pgup")
	if s.Offset() != last-5 {
		t.Errorf("pgup from the end: offset %d, want %d", s.Offset(), last-5)
	}
}
