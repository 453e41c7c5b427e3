package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// burst is the messages Bubble Tea's input reader makes of bytes that
// reached the program in one read, as a held key does over SSH: the bytes
// go through a real program's reader in a single write.
func burst(t *testing.T, s string) []tea.Msg {
	t.Helper()
	return readInput(t, s)
}

// burstCases are bursts in every mode, each with what it must do.
var burstCases = []struct {
	name  string
	setup []tea.Msg
	burst string
	check func(t *testing.T, m Model)
}{
	{"table: jjjj moves four rows", keys("g"), "jjjj", func(t *testing.T, m Model) {
		if got := m.table.Cursor(); got != 4 {
			t.Errorf("cursor = %d; want 4", got)
		}
	}},
	{"table: jjjk nets two rows", keys("g"), "jjjk", func(t *testing.T, m Model) {
		if got := m.table.Cursor(); got != 2 {
			t.Errorf("cursor = %d; want 2", got)
		}
	}},
	{"a slash opens the bar and the rest is its text", nil, "/mallory", func(t *testing.T, m Model) {
		if m.mode != ModeFilter || m.bar.Value() != "mallory" {
			t.Errorf("mode %v, bar %q; want the bar open on mallory", m.mode, m.bar.Value())
		}
	}},
	{"filter bar: printable burst is text, j and q included", keys("/"), "jq level", func(t *testing.T, m Model) {
		if m.mode != ModeFilter || m.bar.Value() != "jq level" {
			t.Errorf("mode %v, bar %q; want the bar open on %q", m.mode, m.bar.Value(), "jq level")
		}
	}},
	{"go-to prompt takes the burst as text", keys(":"), "08:00:30", func(t *testing.T, m Model) {
		if m.mode != ModeGoto || m.gotoIn.Value() != "08:00:30" {
			t.Errorf("mode %v, prompt %q", m.mode, m.gotoIn.Value())
		}
	}},
	{"pivot menu: opened and chosen in one burst", keys("g", "j", "j", "j"), "=1", func(t *testing.T, m Model) {
		if m.mode != ModeNormal || m.filter.text != "user=alice@example.com" {
			t.Errorf("mode %v, filter %q; want the user pivot applied", m.mode, m.filter.text)
		}
	}},
	{"detail pane: the burst scrolls it", keys("g", "jjj", "enter", "tab"), "jjj", func(t *testing.T, m Model) {
		if m.table.Cursor() != 3 || m.detail.YOffset() != 3 {
			t.Errorf("cursor %d, detail offset %d; want 3 and 3", m.table.Cursor(), m.detail.YOffset())
		}
	}},
	{"help screen scrolls", keys("?"), "jj", func(t *testing.T, m Model) {
		if m.mode != ModeHelp || m.help.Offset() != 2 {
			t.Errorf("mode %v, help offset %d; want help scrolled by 2", m.mode, m.help.Offset())
		}
	}},
	{"export dialog: typed into the path", keys("x", "up"), "ab", func(t *testing.T, m Model) {
		if m.mode != ModeExport || !strings.HasSuffix(m.dialog.Path(), "ab") {
			t.Errorf("mode %v, path %q; want it to end in ab", m.mode, m.dialog.Path())
		}
	}},
	{"esc esc: the pane closes, then the filter is cleared", keys("/", "kind:service", "enter", "enter"), "\x1b\x1b",
		func(t *testing.T, m Model) {
			if m.showDetail || m.filter.text != "" {
				t.Errorf("detail %v, filter %q; want the pane closed and the filter cleared", m.showDetail, m.filter.text)
			}
		}},
	{"esc esc: help closes, then the filter is cleared", keys("/", "kind:service", "enter", "?"), "\x1b\x1b",
		func(t *testing.T, m Model) {
			if m.mode != ModeNormal || m.filter.text != "" {
				t.Errorf("mode %v, filter %q; want help closed and the filter cleared", m.mode, m.filter.text)
			}
		}},
	{"esc esc: the export dialog closes", keys("x"), "\x1b\x1b", func(t *testing.T, m Model) {
		if m.mode != ModeNormal {
			t.Errorf("mode %v; want the dialog closed", m.mode)
		}
	}},
}

// TestBurstActsKeyByKey checks that every key of a burst acts, in order, in
// the mode the previous key left.
func TestBurstActsKeyByKey(t *testing.T) {
	for _, c := range burstCases {
		t.Run(c.name, func(t *testing.T) {
			st, _ := newFixtureStore(t, fixtureEntries())
			m := newTestModel(t, st, 120, 30)
			m = drive(t, m, c.setup...)
			m = drive(t, m, burst(t, c.burst)...)
			c.check(t, m)
		})
	}
}

// TestBurstAfterEnter checks that keys read together with the enter that
// closes the bar go to the table, not into the bar: the bar must close
// within that key's Update, without waiting for a command to run.
func TestBurstAfterEnter(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("g", "/", "kind:service")...)
	in := burst(t, "\rjj")
	if len(in) != 3 {
		t.Fatalf("the reader made %d messages of enter j j: %v", len(in), in)
	}
	cmds := make([]tea.Cmd, 0, len(in))
	for _, msg := range in {
		nm, cmd := m.Update(msg)
		m, cmds = nm.(Model), append(cmds, cmd)
	}
	m = runCmd(t, m, tea.Batch(cmds...))
	if m.mode != ModeNormal || m.filter.text != "kind:service" {
		t.Fatalf("mode %v, filter %q; want the bar closed on kind:service", m.mode, m.filter.text)
	}
	if strings.Contains(m.bar.Value(), "j") {
		t.Errorf("the burst went into the bar: %q", m.bar.Value())
	}
}

// TestPasteStaysWhole checks that a bracketed paste is text, taken whole,
// in every prompt, and that a paste is no command outside them.
func TestPasteStaysWhole(t *testing.T) {
	const paste = "\x1b[200~user:x q\x1b[201~"
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	inBar := drive(t, m, append(keys("/"), burst(t, paste)...)...)
	if inBar.bar.Value() != "user:x q" {
		t.Errorf("bar = %q; want the paste whole", inBar.bar.Value())
	}
	inGoto := drive(t, m, append(keys(":"), burst(t, paste)...)...)
	if inGoto.gotoIn.Value() != "user:x q" {
		t.Errorf("go-to prompt = %q; want the paste whole", inGoto.gotoIn.Value())
	}
	inTable := drive(t, m, burst(t, paste)...)
	if inTable.mode != ModeNormal || inTable.filter.text != "" {
		t.Errorf("a paste on the table acted: mode %v, filter %q", inTable.mode, inTable.filter.text)
	}
}

// TestBurstEscThenKeys checks that an ESC read together with the keys
// after it (which the terminal reader reports as alt+key) is esc, then the
// key: esc then q closes the bar and quits.
func TestBurstEscThenKeys(t *testing.T) {
	in := burst(t, "\x1bq")
	if len(in) != 1 {
		t.Fatalf("the reader made %d messages of esc q: %v; want one alt+q", len(in), in)
	}
	got := splitBurst(in[0].(tea.KeyPressMsg))
	if len(got) != 2 || got[0].String() != "esc" || got[1].String() != "q" {
		t.Errorf("split = %v; want esc q", got)
	}
	if up := splitBurst(burst(t, "\x1bG")[0].(tea.KeyPressMsg)); len(up) != 2 || up[1].String() != "G" {
		t.Errorf("esc G split = %v; want esc G", up)
	}
	if del := splitBurst(tea.KeyPressMsg{Code: tea.KeyBackspace, Mod: tea.ModAlt}); del != nil {
		t.Errorf("alt+backspace (delete a word) was split: %v", del)
	}
	if left := splitBurst(tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt}); left != nil {
		t.Errorf("alt+left (a word left) was split: %v", left)
	}
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/", "user")...)
	nm, cmd := m.Update(in[0])
	m = nm.(Model)
	if m.mode != ModeNormal || strings.Contains(m.bar.Value(), "q") {
		t.Errorf("after esc+q: mode %v, bar %q; want the bar closed", m.mode, m.bar.Value())
	}
	if !quits(t, cmd) {
		t.Error("esc+q did not quit")
	}
}

// TestBurstEscThenEnterOrTab checks that an ESC read together with enter,
// tab or up (alt+enter, alt+tab, alt+up to the reader, which no binding
// uses) is esc, then the key: esc then enter in the filter bar closes the
// bar without applying it and toggles the detail pane.
func TestBurstEscThenEnterOrTab(t *testing.T) {
	for _, seq := range []string{"\x1b\r", "\x1b\t", "\x1b\x1b[A"} {
		in := burst(t, seq)
		if len(in) != 1 {
			t.Fatalf("the reader made %d messages of %q: %v; want one", len(in), seq, in)
		}
		got := splitBurst(in[0].(tea.KeyPressMsg))
		if len(got) != 2 || got[0].String() != "esc" || got[1].String() != strings.TrimPrefix(in[0].(tea.KeyPressMsg).String(), "alt+") {
			t.Errorf("%q split = %v; want esc then the key", seq, got)
		}
	}
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/", "user")...)
	shown := m.showDetail
	m = drive(t, m, burst(t, "\x1b\r")...)
	if m.filter.text != "" || m.mode != ModeNormal {
		t.Errorf("after esc+enter: mode %v, filter %q; want the bar closed, nothing applied", m.mode, m.filter.text)
	}
	if m.showDetail == shown {
		t.Error("after esc+enter the detail pane was not toggled: the enter was lost")
	}
}

// TestTextOfSeveralCharactersIsSplit checks the other burst a key press can
// carry: text of several characters in one event acts as one key per
// character (a grapheme of several runes stays one key).
func TestTextOfSeveralCharactersIsSplit(t *testing.T) {
	got := splitBurst(tea.KeyPressMsg{Code: tea.KeyExtended, Text: "jk🇫🇷"})
	if len(got) != 3 || got[0].String() != "j" || got[1].String() != "k" || got[2].Text != "🇫🇷" {
		t.Errorf("split = %v; want j, k and the flag", got)
	}
	if got := splitBurst(tea.KeyPressMsg{Code: tea.KeyExtended, Text: "🇫🇷"}); got != nil {
		t.Errorf("one grapheme was split: %v", got)
	}
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 30), keys("g")...)
	m = drive(t, m, tea.KeyPressMsg{Code: tea.KeyExtended, Text: "jjj"})
	if m.table.Cursor() != 3 {
		t.Errorf("cursor = %d; want 3", m.table.Cursor())
	}
}

// quits reports whether cmd (or a command batched in it) quits.
func quits(t *testing.T, cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := callCmd(t, cmd).(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(t, c) {
				return true
			}
		}
	}
	return false
}

// TestEscThenShiftedIntroducers checks esc then P (templates), O or X read
// together: the reader takes ESC P, ESC O and ESC X for the start of a
// terminal string, and reports them alone as alt+shift and the lower-case
// letter. They are esc, then the upper-case key as typed.
func TestEscThenShiftedIntroducers(t *testing.T) {
	for _, k := range []string{"P", "O", "X", "_", "^"} {
		in := burst(t, "\x1b"+k)
		if len(in) != 1 {
			t.Fatalf("the reader made %d messages of esc %s: %v", len(in), k, in)
		}
		press, ok := in[0].(tea.KeyPressMsg)
		if !ok {
			t.Fatalf("esc %s read as %T %q, not a key", k, in[0], in[0])
		}
		got := splitBurst(press)
		if len(got) != 2 || got[0].String() != "esc" || got[1].String() != k || got[1].Text != k {
			t.Errorf("esc %s split = %v; want esc %s", k, got, k)
		}
	}
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 30), burst(t, "\x1bP")...)
	if m.mode != ModeTemplates {
		t.Errorf("after esc P: mode %v, notice %q; want the templates view", m.mode, m.notice)
	}
}

// TestEscThenPWithHeldKeys checks esc, P and the keys held after them, read
// in one write (over SSH): the reader makes one unknown terminal string of
// them, up to the next ESC. Every key acts: P opens the templates view, j
// moves in it, esc closes it and q quits.
func TestEscThenPWithHeldKeys(t *testing.T) {
	in := burst(t, "\x1bPjj")
	if len(in) != 1 || typedString(in[0]) == nil {
		t.Fatalf("the reader made %v of esc P j j; want one string of unknown input", in)
	}
	if got := keyNames(typedString(in[0])); got != "esc P j j" {
		t.Errorf("esc P j j typed %q", got)
	}
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 30), in...)
	if m.mode != ModeTemplates {
		t.Errorf("after esc P j j: mode %v; want the templates view", m.mode)
	}
	// An esc after them ends the string; the key after that is read alone.
	in = burst(t, "\x1bPj\x1bq")
	if len(in) != 2 || keyNames(typedString(in[0])) != "esc P j esc" {
		t.Fatalf("esc P j esc q read as %q", in)
	}
	var cmds []tea.Cmd
	m = newTestModel(t, st, 120, 30)
	for _, msg := range in {
		nm, cmd := m.Update(msg)
		m, cmds = nm.(Model), append(cmds, cmd)
	}
	if m.mode != ModeNormal || !quits(t, tea.Batch(cmds...)) {
		t.Errorf("after esc P j esc q: mode %v; want the view closed and connlog quitting", m.mode)
	}
	for _, seq := range []string{"\x1bP\x07", "\x1bPa\x1b[", "\x1b]11;rgb", "\x1bPok\xff"} {
		if keys := typedString(uv.UnknownEvent(seq)); keys != nil {
			t.Errorf("%q typed %v: it is no text", seq, keys)
		}
	}
}

// keyNames joins the names of keys, as the bindings see them.
func keyNames(keys []tea.KeyPressMsg) string {
	names := make([]string, 0, len(keys))
	for _, k := range keys {
		names = append(names, k.String())
	}
	return strings.Join(names, " ")
}
