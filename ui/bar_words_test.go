package ui

import "testing"

// TestBarWordMotionsFromTheTerminal feeds the bytes terminals send for
// ctrl+← and alt+← through the program's own input reader into the filter
// bar: both move by a word. Alt with a letter (readline's alt+b) is esc then
// the letter, and closes the bar, as a quick esc must.
func TestBarWordMotionsFromTheTerminal(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	cases := []struct {
		name, bytes, want string
		open              bool
	}{
		{"ctrl+← (xterm)", "/ab cd\x1b[1;5Dx", "ab xcd", true},
		{"alt+← (xterm)", "/ab cd\x1b[1;3Dx", "ab xcd", true},
		{"ctrl+→ after home", "/ab cd\x1b[H\x1b[1;5Cx", "abx cd", true},
		{"esc then a letter is not a motion", "/ab cd\x1bb", "ab cd", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := drive(t, newTestModel(t, st, 100, 20), readInput(t, c.bytes)...)
			if m.bar.Value() != c.want || (m.mode == ModeFilter) != c.open {
				t.Errorf("bar %q, mode %v; want %q, open %v", m.bar.Value(), m.mode, c.want, c.open)
			}
		})
	}
}
