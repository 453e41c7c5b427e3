package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestPromptsSayWhatAPasteLeftOut: the go-to-time prompt and the compare
// prompt leave a paste's control characters out, as the filter bar does,
// and say so in the same words under the prompt, until the next key.
func TestPromptsSayWhatAPasteLeftOut(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	prompts := map[string][]string{"go to time: 08:00": {":"}, "compare: 08:00": {"C", "w", "ctrl+u"}}
	for prompt, open := range prompts {
		for _, w := range []int{120, 80} {
			m := drive(t, newTestModel(t, st, w, 24), keys(open...)...)
			m = drive(t, m, tea.PasteMsg{Content: "08:00\x07\x01"})
			s := screen(m)
			if !strings.Contains(s, prompt) || !strings.Contains(s, "2 control characters of the paste left out") {
				t.Errorf("%q at %d columns: the prompt does not say what the paste lost:\n%s", open, w, s)
			}
			m = drive(t, m, keys("x")...)
			if s := screen(m); strings.Contains(s, "control character") {
				t.Errorf("%q at %d columns: the note outlived the next key:\n%s", open, w, s)
			}
		}
	}
}

// TestGotoPromptLeavesAPastesLineBreakOut: the go-to prompt counts a
// paste's line break and tab among what it left out, as the path field
// does, rather than make them spaces.
func TestGotoPromptLeavesAPastesLineBreakOut(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 24), keys(":")...)
	m = drive(t, m, tea.PasteMsg{Content: "08:00\t\n"})
	if got := m.gotoIn.Value(); got != "08:00" {
		t.Errorf("the prompt holds %q; want %q", got, "08:00")
	}
	if s := screen(m); !strings.Contains(s, "2 control characters of the paste left out") {
		t.Errorf("the prompt does not count the tab and the line break:\n%s", s)
	}
}
