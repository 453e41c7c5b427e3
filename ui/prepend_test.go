package ui

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"regexp"
	"strings"
	"testing"

	"connlog/model"
)

// prependLines adds n older service lines before everything held, as the
// ingest loop does with a backfill block of a file opened tail first.
func (l *live) prependLines(n int, msg string) {
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = service(1000*i, model.LevelInfo, "connector", "", fmt.Sprintf("%s %03d", msg, i))
	}
	l.rp.add(es)
	l.store.Prepend(es)
	l.updates <- model.Update{Appended: n}
}

func TestPrependKeepsTheCursorOnItsEntry(t *testing.T) {
	cases := []struct {
		name   string
		filter []string // keys typed before the prepend
	}{
		{"everything", nil},
		{"filtered", []string{"/", "level>=info", "enter"}},
		{"filter matching none of them", []string{"/", "level>=warn", "enter"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, rp := newFixtureStore(t, fixtureEntries())
			m := newTestModel(t, st, 120, 24)
			m = drive(t, m, keys(tc.filter...)...)
			m = drive(t, m, keys("k")...)
			if m.follow == Following {
				t.Fatal("the cursor moved up but the table still follows")
			}
			seq, rows := m.table.CursorSeq(), m.live.len()
			es := make([]model.Entry, 50)
			for i := range es {
				es[i] = service(1000*i, model.LevelInfo, "connector", "", fmt.Sprintf("older %03d", i))
			}
			rp.add(es)
			st.Prepend(es)
			m = drive(t, m, updateMsg{model.Update{Appended: len(es)}})
			added := m.live.len() - rows
			want, _ := model.BuildView(context.Background(), st.Snapshot(), m.filter.filter)
			if m.live.len() != want.Len() {
				t.Fatalf("view has %d rows, a rebuild %d", m.live.len(), want.Len())
			}
			if m.table.CursorSeq() != seq || m.table.Cursor() != m.live.indexOf(seq) {
				t.Errorf("cursor on Seq %d (row %d), want Seq %d (row %d)", m.table.CursorSeq(), m.table.Cursor(), seq, m.live.indexOf(seq))
			}
			if added > 0 && m.live.seqAt(0) >= 0 {
				t.Errorf("the first row has Seq %d; the prepended entries should come first", m.live.seqAt(0))
			}
			if m.newSince != 0 || m.follow == Following {
				t.Errorf("after a prepend: %d new, follow %v; want 0 new and still paused", m.newSince, m.follow)
			}
			if !strings.Contains(screen(m), fmt.Sprintf("%d/65", want.Len())) {
				t.Errorf("the status does not count %d of 65:\n%s", want.Len(), screen(m))
			}
		})
	}
}

// TestTopStaysOnTheFirstRowWhileTheHeadArrives: g while a file's head is
// still being read (tail first) means its first line: rows prepended
// above keep the cursor on the first row; once the cursor moves off it,
// a prepend keeps it on its entry again.
func TestTopStaysOnTheFirstRowWhileTheHeadArrives(t *testing.T) {
	st, rp := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 24), keys("g")...)
	prepend := func(m Model, msg string) Model {
		es := make([]model.Entry, 20)
		for i := range es {
			es[i] = service(1000*i, model.LevelInfo, "connector", "", fmt.Sprintf("%s %03d", msg, i))
		}
		rp.add(es)
		st.Prepend(es)
		return drive(t, m, updateMsg{model.Update{Appended: len(es)}})
	}
	m = prepend(m, "older")
	if m.table.Cursor() != 0 || m.table.CursorSeq() != m.live.seqAt(0) {
		t.Fatalf("after g and a prepend the cursor is on row %d, want the first", m.table.Cursor())
	}
	m = prepend(m, "oldest")
	if m.table.Cursor() != 0 {
		t.Fatalf("after a second prepend the cursor is on row %d, want the first", m.table.Cursor())
	}
	m = drive(t, m, keys("j")...)
	seq := m.table.CursorSeq()
	m = prepend(m, "older still")
	if m.table.CursorSeq() != seq || m.table.Cursor() == 1 {
		t.Errorf("after j the cursor left its entry: Seq %d (row %d), want Seq %d", m.table.CursorSeq(), m.table.Cursor(), seq)
	}
}

func TestFlowPrependWhileFollowingStaysAtTheNewest(t *testing.T) {
	l := startLive(t, fixtureEntries(), 120, 24)
	l.waitFor("FOLLOW", "15/15")
	l.prependLines(200, "older")
	l.waitFor("215/215")
	l.appendLines(0, 3)
	l.waitFor("arrival 002", "218/218")
	m := l.final()
	if m.follow != Following || !m.table.AtEnd() {
		t.Errorf("follow = %v, at end = %v; want following at the newest row", m.follow, m.table.AtEnd())
	}
}

// The debug log gets the figures a benchmark reads, in the documented form.
func TestTimingLines(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 100, 20)
	_ = m.View().Content
	_ = m.View().Content
	m = drive(t, m, keys("/", "mallory", "enter")...)
	_ = m.View().Content
	out := buf.String()
	first := regexp.MustCompile(`connlog-timing first-frame entries=15 took=\d+ms\n`)
	if n := len(first.FindAllString(out, -1)); n != 1 {
		t.Errorf("first-frame logged %d times, want once:\n%s", n, out)
	}
	built := regexp.MustCompile(`connlog-timing view-built query="mallory" matched=1 of=15 took=\d+ms\n`)
	if !built.MatchString(out) {
		t.Errorf("no view-built line for the filter:\n%s", out)
	}
}
