package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// windowMissModel is the interface with the filter query, its first view
// built over the entries held, es.
func windowMissModel(t *testing.T, query string, es []model.Entry) (Model, *model.Store) {
	t.Helper()
	st, _ := newFixtureStore(t, es)
	cfg := testConfig()
	cfg.Query = query
	m := withStyles(New(cfg, st, nil), unstyled(theme.Default()))
	m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 16})
	return runCmd(t, m, m.initCmd), st
}

// arrive appends es to the store and lets the interface take them in, as
// the ingest loop's update and the frame after it do.
func arrive(t *testing.T, m Model, st *model.Store, es []model.Entry) Model {
	t.Helper()
	st.Append(append([]model.Entry(nil), es...))
	return drive(t, m, updateMsg{model.Update{Appended: len(es)}}, frameMsg{})
}

// The footer says why a window finds nothing with the span of what is
// read, as the table does, and keeps it up to date as the rest of the
// input is read: a view built while part of a big file was read gave the
// span of that part, and kept it (each run another), after the table
// gave the whole input's. A view built before any line came says it too
// once they come.
func TestTheFooterWindowNoteFollowsTheInputRead(t *testing.T) {
	es := fixtureEntries() // 2026-11-20 08:00:00 to 08:50:35
	const want = "no entries since 2026-12-02; the input spans 2026-11-20 08:00–08:50"
	for _, held := range []int{0, 8} {
		m, st := windowMissModel(t, "since:2026-12-02", es[:held])
		m = arrive(t, m, st, es[held:])
		s := screen(m)
		if m.live.len() != 0 || !strings.Contains(s, "("+want+")") {
			t.Fatalf("%d held first: %d rows; the table does not say %q:\n%s", held, m.live.len(), want, s)
		}
		if m.notice != want || strings.Count(s, want) != 2 {
			t.Errorf("%d held first: the footer says %q; want %q, as the table:\n%s", held, m.notice, want, s)
		}
	}
}

// The note stays the footer's only while it is shown: once a key
// dismissed it, lines that arrive do not bring it back, and a window that
// meets the lines read at last takes its note away.
func TestTheFooterWindowNoteGoesWhenDoneWith(t *testing.T) {
	es := everySecond(20) // 08:00:00 to 08:00:19
	m, st := windowMissModel(t, "since:08:00:10", es[:5])
	if m.notice == "" {
		t.Fatalf("the footer does not say the window misses the lines read:\n%s", screen(m))
	}
	m = arrive(t, m, st, es[5:8])
	if !strings.Contains(m.notice, "2026-11-20 08:00:00–08:00:07") {
		t.Errorf("the footer says %q; want the span read so far", m.notice)
	}
	dismissed := drive(t, m, keys("?", "?")...) // the help, opened and closed
	if dismissed = arrive(t, dismissed, st, es[8:9]); dismissed.notice != "" {
		t.Errorf("a dismissed note came back: %q", dismissed.notice)
	}
	m = arrive(t, m, st, es[9:]) // the store is shared: m reads es[8] too
	if m.live.len() != 10 || m.notice != "" {
		t.Errorf("%d rows, footer %q; want 10 and no note once the window meets the lines", m.live.len(), m.notice)
	}
}
