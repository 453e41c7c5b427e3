package ui

import (
	"strings"
	"testing"
)

// TestMuteTwiceUndoes checks that the cursor follows the template the mute
// key acted on, which moves to the top of the list: the key pressed again
// un-mutes it, rather than muting the template that took its place.
func TestMuteTwiceUndoes(t *testing.T) {
	st, _ := newFixtureStore(t, noisyEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("P", "j")...)
	want := m.tmpl.Rows()[1].Template.Key
	m = drive(t, m, keys("m")...)
	if rows := m.tmpl.Rows(); !rows[0].Muted || rows[0].Template.Key != want || m.tmpl.Cursor() != 0 {
		t.Fatalf("after m: cursor %d, first row %+v; want the cursor on the muted template, first", m.tmpl.Cursor(), rows[0])
	}
	// 65 rows: 63 entries, a gap row and a boundary row (notes, of no
	// template); one line muted.
	if got := titleOf(m); !strings.HasSuffix(got, "62 entries in 13 templates") {
		t.Errorf("title after muting %q; want the muted line and template out of the counts", got)
	}
	m = drive(t, m, keys("m")...)
	if len(m.mutes.list) != 0 || m.live.len() != 65 {
		t.Errorf("after m m: %d muted, %d rows; want none muted and the 65 rows back", len(m.mutes.list), m.live.len())
	}
	if got := m.tmpl.Rows()[m.tmpl.Cursor()].Template.Key; got != want {
		t.Errorf("after m m the cursor is on %q; want %q, the template un-muted", got, want)
	}
}

// TestUnmuteKeepsTheTemplateListed checks un-muting in a templates view
// opened after the mute: its report did not count the muted lines, yet the
// template un-muted stays listed, and the title counts its lines again.
func TestUnmuteKeepsTheTemplateListed(t *testing.T) {
	st, _ := newFixtureStore(t, noisyEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("P")...)
	before := titleOf(m)
	key := m.tmpl.Rows()[0].Template.Key
	m = drive(t, m, keys("m", "esc", "P")...)
	if !m.tmpl.Rows()[0].Muted {
		t.Fatalf("setup: the muted template is not listed first: %+v", m.tmpl.Rows()[0])
	}
	m = drive(t, m, keys("m")...)
	found := false
	for _, r := range m.tmpl.Rows() {
		found = found || (r.Template.Key == key && !r.Muted)
	}
	if !found {
		t.Errorf("the template un-muted left the list: %+v", m.tmpl.Rows())
	}
	if got := titleOf(m); got != before {
		t.Errorf("title after un-muting %q; want %q, as before the mute", got, before)
	}
}

// titleOf is the templates view's title line, as shown.
func titleOf(m Model) string {
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, "templates of the view") {
			return strings.TrimSpace(l)
		}
	}
	return ""
}
