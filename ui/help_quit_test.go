package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestQInsideHelpClosesOnlyIt: q pressed in the help screen closes it, as
// esc does, and leaves the table as it was (the detail pane open, the
// filter in force); connlog goes on.
func TestQInsideHelpClosesOnlyIt(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 35), append(append(keys("/", "kind:service"), keys("enter", "enter")...), keys("?")...)...)
	if m.mode != ModeHelp {
		t.Fatalf("? opened %v; want the help", m.mode)
	}
	for _, k := range []string{"q", "esc"} {
		nm, cmd := m.Update(keys(k)[0])
		after := runCmd(t, nm.(Model), cmd)
		if quits(t, cmd) || after.mode != ModeNormal || !after.showDetail || after.filter.text != "kind:service" {
			t.Errorf("%s in the help: quit %v, mode %v, detail pane %v, filter %q; want only the help closed",
				k, quits(t, cmd), after.mode, after.showDetail, after.filter.text)
		}
	}
}

// TestQTypedAfterAHeldOverlayWaits: keys typed while a filter's view is
// built wait for it, in order; a q typed after a held key that opens the
// help, the bar or a prompt is a key of that overlay (it closes the help,
// it is a letter of the query), so it waits with them rather than quit
// connlog at once. After moves alone it still quits at once.
func TestQTypedAfterAHeldOverlayWaits(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	base := drive(t, newTestModel(t, st, 120, 30), keys("g")...)
	filter := append(keys("/", "kind:service"), keys("enter")...)
	cases := []struct {
		typed []tea.Msg
		mode  Mode
		bar   string
	}{
		{typed: keys("j", "?", "q"), mode: ModeNormal},
		{typed: keys("j", "/", "seq"), mode: ModeFilter, bar: "kind:serviceseq"},
		{typed: keys("j", ":", "q"), mode: ModeGoto},
	}
	for _, c := range cases {
		typed := append(append([]tea.Msg(nil), filter...), c.typed...)
		if _, cmd := typeTogether(base, typed); quits(t, cmd) {
			t.Errorf("%v typed while the view was built quit connlog", c.typed)
			continue
		}
		m, cmd := typeTogether(base, typed)
		m = runCmd(t, m, cmd)
		if m.mode != c.mode || (c.bar != "" && m.bar.Value() != c.bar) {
			t.Errorf("%v typed while the view was built: mode %v, bar %q; want %v, %q", c.typed, m.mode, m.bar.Value(), c.mode, c.bar)
		}
	}
}
