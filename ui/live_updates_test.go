package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
)

// While a file is read at full speed, the UI takes an update, then waits
// for the frame before it takes the next: what the ingest loop stores
// meanwhile is added up into one update, so the UI redraws once a frame
// rather than once a batch of lines.
func TestNextUpdateIsTakenAtTheFrame(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	ch := make(chan model.Update, 1)
	m := New(testConfig(), st, ch)
	ch <- model.Update{Appended: 2} // what the ingest loop sent since

	nm, cmd := m.Update(updateMsg{model.Update{Appended: 1}})
	if taken := takesUpdate(t, cmd); taken || len(ch) != 1 {
		t.Fatalf("an update was taken before the frame (taken %v, %d left queued)", taken, len(ch))
	}
	if _, again := nm.(Model).Update(updateMsg{}); again != nil {
		t.Fatal("a second update before the frame scheduled another frame or wait")
	}
	_, cmd = nm.(Model).Update(frameMsg{})
	if !takesUpdate(t, cmd) || len(ch) != 0 {
		t.Fatalf("the frame did not take the queued update (%d left queued)", len(ch))
	}
}

// takesUpdate runs cmd and the commands batched in it, and reports whether
// one of them delivered an ingest update.
func takesUpdate(t *testing.T, cmd tea.Cmd) bool {
	t.Helper()
	if cmd == nil {
		return false
	}
	switch msg := callCmd(t, cmd).(type) {
	case updateMsg:
		return true
	case tea.BatchMsg:
		taken := false
		for _, c := range msg {
			taken = takesUpdate(t, c) || taken
		}
		return taken
	}
	return false
}

// The memory and loss counters of the status line follow the rows as they
// arrive, with the update that says so, not only the clock: a big file's
// first second showed "mem 48B" beside hundreds of thousands of lines.
func TestMemoryCounterFollowsTheRows(t *testing.T) {
	st, rp := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 160, 24)
	es := make([]model.Entry, 5000)
	for i := range es {
		es[i] = service(100_000+i, model.LevelInfo, "connector", "", fmt.Sprintf("line %05d %s", i, strings.Repeat("x", 100)))
	}
	rp.add(es)
	st.Append(es)
	stats := st.Stats()
	m = drive(t, m, updateMsg{model.Update{Appended: len(es), Stats: &stats}})
	if got, want := m.stats.MemBytes, st.Stats().MemBytes; got != want {
		t.Fatalf("after the catch-up the status counts %d bytes, the store %d", got, want)
	}
}

// While lines arrive in bulk the catch-ups are paced at bulkFrameInterval:
// an update of bulkLines lines schedules a frame no sooner than that; a
// small one goes back to the ordinary pace. (The first catch-up, which
// comes at once, is behind.)
func TestBulkUpdatesPaceFramesSlower(t *testing.T) {
	delays := recordFrameDelays(t)
	st, _ := newFixtureStore(t, fixtureEntries())
	m := New(testConfig(), st, make(chan model.Update, 1))
	caught, _ := m.Update(frameMsg{})
	nm, cmd := caught.(Model).Update(updateMsg{model.Update{Appended: bulkLines}})
	if !nm.(Model).bulk || cmd == nil {
		t.Fatalf("an update of %d lines: bulk %v, frame scheduled %v", bulkLines, nm.(Model).bulk, cmd != nil)
	}
	if _, ok := callCmd(t, cmd).(frameMsg); !ok {
		t.Fatal("the scheduled command is not a frame")
	}
	if want := []time.Duration{bulkFrameInterval}; !slices.Equal(*delays, want) {
		t.Errorf("the frame was scheduled with the delays %v, want the bulk pace %v", *delays, want)
	}
	nm, _ = nm.(Model).Update(frameMsg{})
	if nm, _ = nm.(Model).Update(updateMsg{model.Update{Appended: 10}}); nm.(Model).bulk {
		t.Error("a small update kept the bulk pace")
	}
}

// The filter bar's count is the count of the text it shows: it follows the
// view as lines arrive, and an edit clears it until the edited query has
// run. A count taken at startup stayed beside a growing view, and a count
// of the previous query beside the text being typed.
func TestBarCountIsTheShownTexts(t *testing.T) {
	st, rp := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 160, 24)
	before := m.live.len()
	es := make([]model.Entry, 3)
	for i := range es {
		es[i] = service(100_000+i, model.LevelInfo, "connector", "", fmt.Sprintf("arrived %d", i))
	}
	rp.add(es)
	st.Append(es)
	m = drive(t, m, updateMsg{model.Update{Appended: len(es)}})
	if m.live.len() != before+len(es) {
		t.Fatalf("the view holds %d rows after %d arrived, want %d", m.live.len(), len(es), before+len(es))
	}
	m = drive(t, m, keys("/")...)
	if want := matchCount(before + len(es)); !strings.Contains(screen(m), want) {
		t.Errorf("the bar opened on the filter in force does not say %q:\n%s", want, screen(m))
	}
	nm, _ := m.Update(keys("x")[0]) // typed; its debounced run not yet due
	if s := screen(nm.(Model)); strings.Contains(s, "match") {
		t.Errorf("an edited query shows a count before it has run:\n%s", s)
	}
}

// The first rows are caught up at once, not a frame later: the pacing is
// for the updates that follow. A frame over an empty store does not count
// as the first catch-up.
func TestFirstRowsAreCaughtUpAtOnce(t *testing.T) {
	delays := recordFrameDelays(t)
	empty, _ := newFixtureStore(t, nil)
	m := New(testConfig(), empty, make(chan model.Update, 1))
	nm, _ := m.Update(frameMsg{}) // nothing to show yet
	st, _ := newFixtureStore(t, fixtureEntries())
	for _, tc := range []struct {
		name  string
		m     Model
		first bool
	}{
		{"a new interface", New(testConfig(), st, make(chan model.Update, 1)), true},
		{"after a frame over an empty store", withStore(nm.(Model), st), true},
		{"after the first catch-up", caughtUp(t, New(testConfig(), st, make(chan model.Update, 1))), false},
	} {
		*delays = nil
		_, cmd := tc.m.Update(updateMsg{model.Update{Appended: 10}})
		if cmd == nil {
			t.Fatalf("%s: an update scheduled no frame", tc.name)
		}
		if _, ok := callCmd(t, cmd).(frameMsg); !ok {
			t.Fatalf("%s: the scheduled command is not a frame", tc.name)
		}
		var want []time.Duration // at once: no timer
		if !tc.first {
			want = []time.Duration{frameInterval}
		}
		if !slices.Equal(*delays, want) {
			t.Errorf("%s: the frame was scheduled with the delays %v, want %v", tc.name, *delays, want)
		}
	}
}

// recordFrameDelays replaces the frames' timer for the test: the delays
// frames are scheduled with are recorded, and their commands return at
// once.
func recordFrameDelays(t *testing.T) *[]time.Duration {
	t.Helper()
	var delays []time.Duration
	orig := frameTimer
	frameTimer = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		delays = append(delays, d)
		return func() tea.Msg { return fn(time.Now()) }
	}
	t.Cleanup(func() { frameTimer = orig })
	return &delays
}

// withStore returns m reading st, as if st had filled since m was made.
func withStore(m Model, st *model.Store) Model {
	m.store = st
	return m
}

// caughtUp returns m after a frame over its store, which holds entries.
func caughtUp(t *testing.T, m Model) Model {
	t.Helper()
	nm, _ := m.Update(frameMsg{})
	return nm.(Model)
}

// TestFirstScreenIsReportedOnce: Config.FirstScreen is called by the first
// frame drawn over entries, not by frames drawn before any arrived, and
// only once whatever is drawn after, by the model or its copies.
func TestFirstScreenIsReportedOnce(t *testing.T) {
	calls := 0
	cfg := testConfig()
	cfg.FirstScreen = func() { calls++ }
	empty, _ := newFixtureStore(t, nil)
	m := drive(t, New(cfg, empty, nil), tea.WindowSizeMsg{Width: 100, Height: 30})
	m.View()
	if calls != 0 {
		t.Fatalf("FirstScreen was called %d times before any entry arrived", calls)
	}
	st, _ := newFixtureStore(t, fixtureEntries())
	m = withStore(m, st)
	m.View()
	if calls != 1 {
		t.Fatalf("the first frame over entries called FirstScreen %d times, want 1", calls)
	}
	copied := drive(t, m, keys("j")...)
	copied.View()
	m.View()
	if calls != 1 {
		t.Errorf("later frames called FirstScreen again: %d calls", calls)
	}
}

// A TitleMsg names what is watched anew in the status line.
func TestTitleMsgRenamesTheStatusLine(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 120, 30)
	if s := screen(m); !strings.Contains(s, "twingate-connector @ conn-host") {
		t.Fatalf("the status line lacks the configured title:\n%s", s)
	}
	m = drive(t, m, TitleMsg("copied.journal @ connector-1"))
	s := screen(m)
	if !strings.Contains(s, "copied.journal @ connector-1") || strings.Contains(s, "conn-host") {
		t.Errorf("the status line does not show the new title alone:\n%s", strings.SplitN(s, "\n", 2)[0])
	}
}
