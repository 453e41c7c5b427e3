package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// typeAhead presses keys one by one without running what they start, as
// keys that arrive faster than the work they wait for, then runs all of
// it: the first key's work (a count, a build) finishes after the others
// were typed.
func typeAhead(t *testing.T, m Model, names ...string) Model {
	t.Helper()
	var cmds []tea.Cmd
	for _, k := range keys(names...) {
		nm, cmd := m.Update(k)
		m = nm.(Model)
		cmds = append(cmds, cmd)
	}
	return runCmd(t, m, tea.Batch(cmds...))
}

// sameTypedAhead checks that names typed faster than the work the first
// one starts leave what they leave when typed after it (as outcome tells),
// and that they do something there at all.
func sameTypedAhead(t *testing.T, base Model, names []string, outcome func(Model) string) {
	t.Helper()
	want := outcome(drive(t, base, keys(names...)...))
	if want == outcome(drive(t, base, keys(names[0])...)) {
		t.Fatalf("the keys %q do nothing once the view is shown: the case tests nothing", names)
	}
	if got := outcome(typeAhead(t, base, names...)); got != want {
		t.Errorf("typed ahead:        %s\nonce the view shows: %s", got, want)
	}
}

// triageOutcome is what a triage view's keys left: the mode, the filter,
// the templates muted and the rows of the table.
func triageOutcome(m Model) string {
	var muted []string
	for _, mt := range m.mutes.list {
		muted = append(muted, mt.text)
	}
	slices.Sort(muted)
	return m.mode.String() + " | filter " + m.filter.text + " | muted " + strings.Join(muted, ";") + " | " +
		strconv.Itoa(m.live.len()) + " rows"
}

// TestTriageKeysTypedWhileCounting types a triage view's keys while its
// first report is counted (with the key that opened it, or faster than
// the count): enter and the mute key act once the rows are shown, in order
// with the moves around them, as the same keys typed after the report do.
// Leaving the view drops them.
func TestTriageKeysTypedWhileCounting(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"mute the first template", []string{"P", "m"}},
		{"mute, un-mute, mute the next", []string{"P", "m", "m", "j", "m"}},
		{"move, then mute", []string{"P", "j", "m"}},
		{"mute, move, mute another", []string{"P", "m", "j", "j", "m"}},
		{"filter to a template", []string{"P", "j", "enter"}},
		{"filter to a top value", []string{"s", "j", "enter"}},
		{"filter to a session", []string{"S", "enter"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, _ := newFixtureStore(t, noisyEntries())
			sameTypedAhead(t, drive(t, newTestModel(t, st, 120, 40)), c.keys, triageOutcome)
		})
	}
	t.Run("leaving drops them", func(t *testing.T) {
		st, _ := newFixtureStore(t, noisyEntries())
		base := drive(t, newTestModel(t, st, 120, 40))
		m := typeAhead(t, base, "P", "m", "esc")
		if m.mode != ModeNormal || len(m.mutes.list) != 0 || len(m.triageHeld) != 0 {
			t.Errorf("after esc: mode %v, %d muted, %d keys held", m.mode, len(m.mutes.list), len(m.triageHeld))
		}
	})
}

// TestTriageKeyTypedWhileBuilding opens a triage view while the table's
// view is rebuilt (a template just muted, the templates view left and
// opened again at once): the view opens once the build is done, over the
// view without the muted lines, rather than the key being refused.
func TestTriageKeyTypedWhileBuilding(t *testing.T) {
	st, _ := newFixtureStore(t, noisyEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("P")...)
	m = typeAhead(t, m, "m", "esc", "P")
	if m.mode != ModeTemplates || m.notice != "" {
		t.Fatalf("mode %v, notice %q; want the templates view", m.mode, m.notice)
	}
	if rows := m.tmpl.Rows(); len(rows) == 0 || !rows[0].Muted || m.live.len() != 15 {
		t.Errorf("the templates view is not of the view without the muted template: %d rows in the table, %+v", m.live.len(), rows)
	}
	m = typeAhead(t, m, "esc", "/", "kind:service", "enter", "s")
	if m.mode != ModeTopN || m.notice != "" {
		t.Errorf("s typed with the filter's enter: mode %v, notice %q; want the top values", m.mode, m.notice)
	}
}

// TestChangedKeysTypedWhileComparing types the what-changed view's keys
// while it compares (with C, or faster than the comparison): enter and the
// windows key act once the rows are shown, in order with the moves around
// them, as the same keys typed after the rows do; esc drops them.
func TestChangedKeysTypedWhileComparing(t *testing.T) {
	outcome := func(m Model) string {
		return triageOutcome(m) + " | prompt " + m.cmpIn.Value()
	}
	base, _ := halfwayModel(t, 120, 35)
	base = drive(t, base)
	for _, c := range []struct {
		name string
		keys []string
	}{
		{"filter on the first row", []string{"C", "enter"}},
		{"move, then filter", []string{"C", "j", "j", "enter"}},
		{"filter on a row, moves after", []string{"C", "j", "enter", "j"}},
		{"bottom, up, filter", []string{"C", "G", "k", "enter"}},
		{"ask for other windows", []string{"C", "w"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sameTypedAhead(t, base, c.keys, outcome)
		})
	}
	t.Run("esc drops them", func(t *testing.T) {
		m := typeAhead(t, base, "C", "j", "enter", "esc")
		if m.mode != ModeNormal || m.filter.text != "" || len(m.triageHeld) != 0 {
			t.Errorf("after esc: mode %v, filter %q, %d keys held", m.mode, m.filter.text, len(m.triageHeld))
		}
	})
}
