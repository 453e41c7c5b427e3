package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// burst is keys that reached the program in one read: one message with
// several runes.
func burst(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

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
		if m.table.Cursor() != 3 || m.detail.vp.YOffset != 3 {
			t.Errorf("cursor %d, detail offset %d; want 3 and 3", m.table.Cursor(), m.detail.vp.YOffset)
		}
	}},
	{"help screen scrolls", keys("?"), "jj", func(t *testing.T, m Model) {
		if m.mode != ModeHelp || m.help.offset != 2 {
			t.Errorf("mode %v, help offset %d; want help scrolled by 2", m.mode, m.help.offset)
		}
	}},
	{"export dialog: typed into the path", keys("x", "up"), "ab", func(t *testing.T, m Model) {
		if m.mode != ModeExport || !strings.HasSuffix(m.dialog.pathIn.Value(), "ab") {
			t.Errorf("mode %v, path %q; want it to end in ab", m.mode, m.dialog.pathIn.Value())
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
			m = drive(t, m, burst(c.burst))
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
	nm, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m = nm.(Model)
	nm, cmd2 := m.Update(burst("jj"))
	m = runCmd(t, nm.(Model), tea.Batch(cmd, cmd2))
	if m.mode != ModeNormal || m.filter.text != "kind:service" {
		t.Fatalf("mode %v, filter %q; want the bar closed on kind:service", m.mode, m.filter.text)
	}
	if strings.Contains(m.bar.Value(), "j") {
		t.Errorf("the burst went into the bar: %q", m.bar.Value())
	}
}

// TestPasteStaysWhole checks that a bracketed paste is text, taken whole.
func TestPasteStaysWhole(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/")...)
	m = drive(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("user:x q"), Paste: true})
	if m.bar.Value() != "user:x q" {
		t.Errorf("bar = %q; want the paste whole", m.bar.Value())
	}
	if got := splitBurst(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj"), Paste: true}); got != nil {
		t.Errorf("a paste was split: %v", got)
	}
}

// TestBurstEscThenKeys checks that an ESC read together with the keys
// after it (which the terminal reader reports as alt+key) is esc, then
// each key: esc then q closes the bar and quits.
func TestBurstEscThenKeys(t *testing.T) {
	got := splitBurst(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj"), Alt: true})
	if len(got) != 4 || got[0].Type != tea.KeyEsc || got[1].String() != "j" || got[3].Alt {
		t.Errorf("split = %v; want esc j j j", got)
	}
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/", "user")...)
	nm, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q"), Alt: true})
	m = nm.(Model)
	if m.mode != ModeNormal || strings.Contains(m.bar.Value(), "q") {
		t.Errorf("after esc+q: mode %v, bar %q; want the bar closed", m.mode, m.bar.Value())
	}
	if !quits(t, cmd) {
		t.Error("esc+q did not quit")
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
