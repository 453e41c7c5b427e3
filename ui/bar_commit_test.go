package ui

import (
	"strings"
	"testing"

	"connlog/ui/filterbar"
)

// TestEnterOnABadQueryKeepsTheBar checks enter on a filter that does not
// compile: the bar stays open on the text and its error, and the filter in
// force is the one the bar opened on, not a preview applied while typing.
func TestEnterOnABadQueryKeepsTheBar(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/", "level>=warn", "enter", "/", "ctrl+u", "user:alice*")...)
	m = drive(t, m, filterbar.QueryChanged{Text: "user:alice*"}) // typing paused: the preview runs
	if m.filter.text != "user:alice*" {
		t.Fatalf("setup: the preview is %q; want user:alice*", m.filter.text)
	}
	m = drive(t, m, keys("ctrl+u", "(level", "enter")...)
	if m.mode != ModeFilter || m.bar.Value() != "(level" || m.bar.Err() == "" {
		t.Errorf("mode %v, bar %q, error %q; want the bar open on (level with its error", m.mode, m.bar.Value(), m.bar.Err())
	}
	if m.filter.text != "level>=warn" {
		t.Errorf("filter in force %q; want level>=warn, the one the bar opened on", m.filter.text)
	}
	if s := screen(m); strings.Contains(s, "filtering…") || strings.Contains(s, "match") {
		t.Errorf("the bar shows another query's progress or count beside (level:\n%s", s)
	}
	fixed := drive(t, m, keys("ctrl+u", "kind:service", "enter")...)
	if fixed.mode != ModeNormal || fixed.filter.text != "kind:service" {
		t.Errorf("after fixing: mode %v, filter %q; want kind:service applied", fixed.mode, fixed.filter.text)
	}
	left := drive(t, m, keys("esc")...)
	if left.mode != ModeNormal || left.filter.text != "level>=warn" {
		t.Errorf("after esc: mode %v, filter %q; want level>=warn", left.mode, left.filter.text)
	}
}

// TestEnterOnABadSearchKeepsTheBar checks the same in search mode: the bar
// stays open on the text and its error.
func TestEnterOnABadSearchKeepsTheBar(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	m = drive(t, m, keys("/", "ctrl+s", "(level", "enter")...)
	if m.mode != ModeFilter || m.bar.Mode() != filterbar.Search || m.bar.Value() != "(level" || m.bar.Err() == "" {
		t.Errorf("mode %v, bar %v %q, error %q; want the search bar open on (level with its error",
			m.mode, m.bar.Mode(), m.bar.Value(), m.bar.Err())
	}
}
