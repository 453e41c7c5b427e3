package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/exportdialog"
)

func TestGoldenTemplates(t *testing.T) {
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := drive(t, goldenModel(t, sz[0], sz[1]), keys("P", "j", "m", "j")...)
			if m.mode != ModeTemplates {
				t.Fatalf("mode %s after P; want templates", m.mode)
			}
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

// noisyEntries is the fixture with a chatty DEBUG template added: fifty
// keepalives differing only in their numbers.
func noisyEntries() []model.Entry {
	es := fixtureEntries()
	for i := range 50 {
		es = append(es, service(20000+i, model.LevelDebug, "libsdwan", "relay_client::keepalive",
			fmt.Sprintf("keepalive seq=%d rtt=%dms", i, 10+i)))
	}
	return es
}

// TestMuteHidesTemplate checks the mute key: the template's lines leave
// the table, the status line counts them, and the same key on the muted
// row brings them back.
func TestMuteHidesTemplate(t *testing.T) {
	st, _ := newFixtureStore(t, noisyEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("P")...)
	if got := m.tmpl.Rows()[0].Template.Template; !strings.Contains(got, "keepalive") {
		t.Fatalf("the most frequent template is %q; want the keepalives", got)
	}
	m = drive(t, m, keys("m")...)
	if m.live.len() != 15 {
		t.Errorf("%d rows after muting; want the 15 others", m.live.len())
	}
	if s := screen(m); !strings.Contains(s, "1 muted, 50 lines") {
		t.Errorf("the status line does not count the muted lines:\n%s", s)
	}
	if !m.tmpl.Rows()[0].Muted {
		t.Fatal("the muted template is not listed first, to be un-muted")
	}
	m = drive(t, m, keys("m")...)
	if m.live.len() != 65 || len(m.mutes.list) != 0 {
		t.Errorf("%d rows, %d muted after un-muting; want 65, 0", m.live.len(), len(m.mutes.list))
	}
}

// TestExportSaysWhatIsMuted: the export dialog over a view with a muted
// template says its lines are left out, and the bundle's manifest gets its
// text (the query alone would not give the entries).
func TestExportSaysWhatIsMuted(t *testing.T) {
	st, _ := newFixtureStore(t, noisyEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("P", "m", "esc", "x")...)
	if src := m.dialog.Source(); src == nil || len(src.Muted) != 1 || !strings.Contains(src.Muted[0], "keepalive") {
		t.Fatalf("the export source does not carry the muted template: %+v", src)
	}
	if s := screen(m); !strings.Contains(s, "the lines of 1 muted template are left out") {
		t.Errorf("the dialog does not say the muted lines are left out:\n%s", s)
	}
	opts := m.dialog.Source().Options(exportdialog.Settings{Format: export.FormatBundle}, nil, nil, "conn-host")
	if len(opts.Bundle.Muted) != 1 {
		t.Errorf("the bundle options carry %q as muted", opts.Bundle.Muted)
	}
}

// TestTemplateFilter checks enter on a template: the filter keeps its
// kind, level and literal words, which here select its lines exactly.
func TestTemplateFilter(t *testing.T) {
	st, _ := newFixtureStore(t, noisyEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("P", "enter")...)
	if m.mode != ModeNormal {
		t.Fatalf("mode %s after enter; want normal", m.mode)
	}
	want := `kind=service level=debug "relay_client::keepalive" "keepalive" "libsdwan"`
	if m.filter.text != want {
		t.Errorf("filter %q; want %q", m.filter.text, want)
	}
	if m.live.len() != 50 {
		t.Errorf("%d rows; want the 50 keepalives", m.live.len())
	}
}

// TestFlowMuteTemplate mutes the chatty template in a running program and
// reads the count on the status line.
func TestFlowMuteTemplate(t *testing.T) {
	l := startLive(t, noisyEntries(), 120, 30)
	l.waitFor("65/65")
	l.press("P")
	l.waitFor("templates of the view", "keepalive")
	l.press("m")
	l.waitFor("1 muted, 50 lines", "15/65")
	l.press("esc")
	l.waitFor("State: Online")
	if m := l.final(); m.live.len() != 15 {
		t.Errorf("%d rows in the table; want 15", m.live.len())
	}
}

// TestFlowMuteHoldsWhileFollowing mutes a template, then more of its lines
// arrive: they stay out of the table as the view is extended, and the
// status line's count of muted lines grows with them.
func TestFlowMuteHoldsWhileFollowing(t *testing.T) {
	l := startLive(t, fixtureEntries(), 120, 30)
	l.waitFor("15/15")
	l.appendLines(0, 5)
	l.waitFor("20/20")
	l.press("P")
	l.waitFor("templates of the view", "arrival <num>")
	l.press("m")
	l.waitFor("1 muted, 5 lines", "15/20")
	l.appendLines(5, 5)
	l.waitFor("1 muted, 10 lines", "15/25")
}

// TestMutedRowCountsTheLinesItHides: a muted template's row counts the
// lines it hides from the view, as the status line does, not the count it
// had when it was muted: lines of it stored since the report it was muted
// from (a file still being read), and lines that arrive after, are counted.
func TestMutedRowCountsTheLinesItHides(t *testing.T) {
	keepalives := func(from, n int) []model.Entry {
		var es []model.Entry
		for i := from; i < from+n; i++ {
			es = append(es, service(30000+i, model.LevelDebug, "libsdwan", "relay_client::keepalive",
				fmt.Sprintf("keepalive seq=%d rtt=%dms", i, 10+i)))
		}
		return es
	}
	st, rp := newFixtureStore(t, noisyEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("P")...)
	add := func(es []model.Entry) {
		rp.add(es)
		st.Append(es)
	}
	mutedRow := func(m Model) string {
		rows := m.tmpl.Rows()
		if len(rows) == 0 || !rows[0].Muted {
			t.Fatalf("the muted template is not listed first: %+v", rows)
		}
		for _, l := range strings.Split(screen(m), "\n") {
			if strings.Contains(l, "keepalive") {
				return l
			}
		}
		t.Fatalf("no row of the keepalives:\n%s", screen(m))
		return ""
	}
	// Stored after the report, before the view is rebuilt without them.
	add(keepalives(0, 10))
	m = drive(t, m, keys("m")...)
	if s := screen(m); !strings.Contains(s, "1 muted, 60 lines") || !strings.Contains(mutedRow(m), "(60)") {
		t.Errorf("muted with 10 more stored: the row reads %q; want (60), as the status line:\n%s", mutedRow(m), s)
	}
	add(keepalives(10, 7))
	m = drive(t, m, frameMsg{})
	if s := screen(m); !strings.Contains(s, "1 muted, 67 lines") || !strings.Contains(mutedRow(m), "(67)") {
		t.Errorf("7 more arrived: the row reads %q; want (67), as the status line:\n%s", mutedRow(m), s)
	}
	// A filter that keeps none of its lines: it hides none.
	m = drive(t, m, keys("esc", "/", "kind:audit", "enter", "P")...)
	if s := screen(m); !strings.Contains(s, "1 muted, 0 lines") || !strings.Contains(mutedRow(m), "(0)") {
		t.Errorf("a filter without its lines: the row reads %q; want (0), as the status line:\n%s", mutedRow(m), s)
	}
}

// TestMutedRowFollowsTheCountAtTheClock: while the view is still being
// built (a big file), the filter counts the muted lines long before the
// build is done; the muted row follows that count at the clock's tick, as
// the status line does, rather than only once the build is done.
func TestMutedRowFollowsTheCountAtTheClock(t *testing.T) {
	st, _ := newFixtureStore(t, noisyEntries())
	m := drive(t, newTestModel(t, st, 120, 40), keys("P", "m")...)
	counts := m.mutes.tally.counts.Load()
	if counts == nil || counts.templates != 1 {
		t.Fatal("the filter keeps no count of the muted lines")
	}
	for range 1234 { // as a build still running counts them
		counts.add(st.Snapshot().First(), 0)
	}
	m = tickOnce(t, m, m.cfg.now())
	if rows := m.tmpl.Rows(); rows[0].Template.Count != 1284 || !strings.Contains(screen(m), "1 muted, 1,284 lines") {
		t.Errorf("after a tick the muted row counts %d; want 1,284, as the status line:\n%s", rows[0].Template.Count, screen(m))
	}
}
