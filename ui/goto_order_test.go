package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// backwardsLog is a log whose times go back: two lines of the 20th, two of
// the 19th (a replayed backlog, a clock stepped back), one of the 20th.
func backwardsLog() []model.Entry {
	const hour = 3600 * 1000
	return []model.Entry{
		service(2*hour, model.LevelInfo, "connector", "", "newer first"),
		service(2*hour+1000, model.LevelInfo, "connector", "", "newer second"),
		service(-22*hour, model.LevelWarn, "connector", "", "older (replayed backlog)"),
		service(-22*hour+1000, model.LevelWarn, "connector", "", "older 2"),
		service(2*hour+2000, model.LevelInfo, "connector", "", "newer third"),
	}
}

// `:` in a log whose times go back lands on the row nearest the time at
// or after it, wherever it stands in the table, and says "before" or
// "after" only when the time is outside every row's, with or without a
// filter.
func TestGotoWhenTimesGoBack(t *testing.T) {
	cases := []struct {
		at     string
		seq    int64
		notice string
	}{
		{"2026-11-19 10:00", 3, ""},
		{"2026-11-19 10:00:01", 4, ""},
		{"2026-11-19 12:00", 1, ""},
		{"2026-11-20 10:00:01", 2, ""},
		{"2026-11-20 10:00:02", 5, ""},
		{"2026-11-18 10:00", 3, "before the earliest entry (2026-11-19 10:00:00, not the first: times go back in this view): at its row"},
		{"2026-11-21", 5, "after the last entry (2026-11-20 10:00:02): at the last row"},
	}
	for _, filter := range []string{"", "connector"} {
		st, _ := newFixtureStore(t, backwardsLog())
		m := newTestModel(t, st, 120, 24)
		if filter != "" {
			m = drive(t, m, keys("/", filter, "enter")...)
		}
		for _, c := range cases {
			m = drive(t, m, keys(":", c.at, "enter")...)
			if m.table.CursorSeq() != c.seq || m.notice != c.notice {
				t.Errorf("filter %q, :%s: cursor on %d, notice %q; want %d, %q", filter, c.at, m.table.CursorSeq(), m.notice, c.seq, c.notice)
			}
		}
	}
	es := backwardsLog()[:4] // the latest row is not the last
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 120, 24), keys(":", "2026-11-21", "enter")...)
	if want := "after the latest entry (2026-11-20 10:00:01, not the last: times go back in this view): at its row"; m.table.CursorSeq() != 2 || m.notice != want {
		t.Errorf(":2026-11-21: cursor on %d, notice %q; want 2, %q", m.table.CursorSeq(), m.notice, want)
	}
}

// A bucket of the timeline strip sends the table to a row of that bucket,
// though rows of later buckets come first.
func TestTimelineBucketGoesToItsRows(t *testing.T) {
	st, _ := newFixtureStore(t, backwardsLog())
	m := drive(t, newTestModel(t, st, 120, 24), keys("T", "g")...)
	if day := m.cursorTime().Day(); day != 19 {
		t.Errorf("the strip's first bucket sent the cursor to %v (Seq %d); want a row of the 19th", m.cursorTime(), m.table.CursorSeq())
	}
	if strings.Contains(m.notice, "before") {
		t.Errorf("notice %q", m.notice)
	}
}

// The seek by time finds what a scan of every row finds, over pages of
// Seqs, in a view whose times go forward, then back an hour for a while,
// then forward again.
func TestTimeSeekIsAScan(t *testing.T) {
	n := 3*seqPageSeqs + 500
	es := make([]model.Entry, n)
	for i := range es {
		ms := i * 1000
		if i > n/3 && i < n/2 {
			ms -= 3600 * 1000
		}
		es[i] = service(ms, model.LevelInfo, "connector", "", "line")
	}
	st, _ := newFixtureStore(t, es)
	m := newTestModel(t, st, 120, 24)
	sn := st.Snapshot()
	for _, off := range []time.Duration{-2 * time.Hour, -30 * time.Minute, 0, 500 * time.Millisecond, 40 * time.Minute,
		90 * time.Minute, 3 * time.Hour, time.Duration(n) * time.Second} {
		target := base.Add(off).UnixNano()
		want, wantNS := -1, int64(0)
		for i := range m.live.len() {
			ns := sn.Time(m.live.seqAt(i)).UnixNano()
			if ns >= target && (want < 0 || ns < wantNS) {
				want, wantNS = i, ns
			}
		}
		got, ok := m.live.seeker(sn).at(target)
		if want < 0 {
			if !ok || got.where != seekAfter {
				t.Errorf("%v: got %+v; want after every row", off, got)
			}
			continue
		}
		if !ok || got.row != want {
			t.Errorf("%v: row %d (%+v); a scan finds %d", off, got.row, got, want)
		}
	}
}

// tailRows is the tail of a file opened tail first: a line a second from
// 09:00, what is held before the head is read.
func tailRows(n int) []model.Entry {
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = service(3600*1000+i*1000, model.LevelInfo, "connector", "", fmt.Sprintf("tail %03d", i))
	}
	return es
}

// headRows is n lines a second from ms, prepended as a backfill block.
func headRows(ms, n int) []model.Entry {
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = service(ms+i*1000, model.LevelInfo, "connector", "", fmt.Sprintf("head %d", ms+i*1000))
	}
	return es
}

// indexing is the update of a file whose head is being read (see indexed).
var indexing = indexingAt("43% (1.0GB)")

// `:` to a time before every row held while the file's head is still being
// read waits for it on the first row, saying so, and goes there once it
// is read; it never says the time is before the first entry meanwhile.
func TestGotoWaitsForTheHead(t *testing.T) {
	st, rp := newFixtureStore(t, tailRows(50))
	m := drive(t, newTestModel(t, st, 120, 24), indexing)
	prepend := func(m Model, es []model.Entry) Model {
		rp.add(es)
		st.Prepend(es)
		return drive(t, m, updateMsg{model.Update{Appended: len(es)}})
	}
	m = drive(t, m, keys(":", "08:00:30", "enter")...)
	waiting := "waiting for 2026-11-20 08:00:30 to be read: indexing 43% (1.0GB) · esc cancels"
	if m.notice != waiting || m.table.Cursor() != 0 {
		t.Fatalf("notice %q, cursor on row %d; want %q on the first row", m.notice, m.table.Cursor(), waiting)
	}
	if !strings.Contains(screen(m), "waiting for 2026-11-20 08:00:30 to be read") {
		t.Errorf("the screen does not say it waits:\n%s", screen(m))
	}
	m = prepend(m, headRows(20*60*1000, 30)) // 08:20: not yet
	if m.notice != waiting || m.table.Cursor() != 0 {
		t.Fatalf("after a block from 08:20: notice %q, cursor on row %d; want still waiting on the first row", m.notice, m.table.Cursor())
	}
	m = prepend(m, headRows(0, 60)) // 08:00–08:01
	// Landed, it says the day its row does not show, as a go-to at once does.
	landed := "at 2026-11-20 08:00:30.000"
	if got := m.cursorTime(); !got.Equal(at(30*1000)) || m.notice != landed || m.gotoWait.active() {
		t.Errorf("after the block of 08:00: cursor at %v, notice %q; want 08:00:30, %q", got, m.notice, landed)
	}
}

// The head read without the time, the wait ends on the first row, which
// then is the first entry; esc ends a wait where the cursor is.
func TestGotoWaitEnds(t *testing.T) {
	t.Run("head read", func(t *testing.T) {
		st, _ := newFixtureStore(t, tailRows(50))
		m := drive(t, newTestModel(t, st, 120, 24), indexing)
		m = drive(t, m, keys(":", "08:00:30", "enter")...)
		m = drive(t, m, indexed)
		if want := "before the first entry (2026-11-20 09:00:00): at the first row"; m.notice != want || m.gotoWait.active() {
			t.Errorf("notice %q, waiting %v; want %q", m.notice, m.gotoWait.active(), want)
		}
	})
	t.Run("esc", func(t *testing.T) {
		st, rp := newFixtureStore(t, tailRows(50))
		m := drive(t, newTestModel(t, st, 120, 24), indexing)
		m = drive(t, m, keys(":", "08:00:30", "enter", "esc")...)
		if want := "go to 2026-11-20 08:00:30 cancelled"; m.notice != want || m.gotoWait.active() {
			t.Errorf("notice %q, waiting %v; want %q", m.notice, m.gotoWait.active(), want)
		}
		seq := m.table.CursorSeq()
		es := headRows(0, 60)
		rp.add(es)
		st.Prepend(es)
		m = drive(t, m, updateMsg{model.Update{Appended: len(es)}})
		if m.table.CursorSeq() != seq {
			t.Errorf("after esc the cursor moved to %v", m.cursorTime())
		}
	})
	t.Run("moved", func(t *testing.T) {
		st, _ := newFixtureStore(t, tailRows(50))
		m := drive(t, newTestModel(t, st, 120, 24), indexing)
		m = drive(t, m, keys(":", "08:00:30", "enter", "j")...)
		if m.gotoWait.active() || strings.Contains(m.notice, "waiting") {
			t.Errorf("after j: waiting %v, notice %q", m.gotoWait.active(), m.notice)
		}
	})
}

// The page spans of a view of millions are read by every core, a part
// each: they are those one core reads.
func TestTimeSpansReadInPartsAreTheSame(t *testing.T) {
	st := model.NewStore(model.StoreOptions{})
	es := make([]model.Entry, 3*levelScanPart+77)
	for i := range es {
		es[i] = model.Entry{Time: base.Add(time.Duration((i*7919)%5000) * time.Second), Kind: model.KindService,
			Raw: []byte("x"), Origin: model.Origin{Offset: -1}}
	}
	st.Append(es)
	sn := st.Snapshot()
	m := newTestModel(t, st, 120, 24)
	v := m.live.view
	got, want := scanTimes(sn, v, 5, v.Len()), scanTimeRange(sn, v, 5, v.Len())
	if got.base != want.base || !slices.Equal(got.spans, want.spans) || len(want.spans) < 3 {
		t.Errorf("read in parts: %d pages from %d; on one core %d from %d", len(got.spans), got.base, len(want.spans), want.base)
	}
}
