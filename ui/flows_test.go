package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"connlog/model"
)

// flowWait is how long a flow waits for the screen to show something.
const flowWait = 5 * time.Second

// live is a program under test with a store it can append to.
type live struct {
	t       *testing.T
	tm      *teatest.TestModel
	store   *model.Store
	rp      *reparser
	updates chan model.Update
}

func startLive(t *testing.T, es []model.Entry, w, h int) *live {
	t.Helper()
	st, rp := newFixtureStore(t, es)
	ch := make(chan model.Update, 16)
	m := New(testConfig(), st, ch)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	t.Cleanup(func() { _ = tm.Quit() })
	return &live{t: t, tm: tm, store: st, rp: rp, updates: ch}
}

// appendLines adds service lines and tells the program, as the ingest loop
// does: one update per batch.
func (l *live) appendLines(from, n int) {
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = service(20000+1000*(from+i), model.LevelInfo, "connector", "", fmt.Sprintf("arrival %03d", from+i))
	}
	l.rp.add(es)
	l.store.Append(es)
	l.updates <- model.Update{Appended: n, Sources: []model.SourceStatus{{Name: "twingate-connector.service", State: "following"}}}
}

// waitFor waits until the screen (without styles) shows every string.
func (l *live) waitFor(wants ...string) {
	l.t.Helper()
	teatest.WaitFor(l.t, l.tm.Output(), func(b []byte) bool {
		s := ansi.Strip(string(b))
		for _, w := range wants {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(flowWait), teatest.WithCheckInterval(10*time.Millisecond))
}

func (l *live) press(names ...string) {
	for _, k := range keys(names...) {
		l.tm.Send(k)
	}
}

// final quits and returns the model as it ended.
func (l *live) final() Model {
	l.t.Helper()
	l.press("ctrl+c")
	return l.tm.FinalModel(l.t, teatest.WithFinalTimeout(flowWait)).(Model)
}

func TestFlowFollowScrollsIn(t *testing.T) {
	l := startLive(t, fixtureEntries(), 100, 20)
	l.waitFor("FOLLOW", "15/15")
	l.appendLines(0, 30)
	l.waitFor("arrival 029", "45/45")
	m := l.final()
	if m.follow != Following || !m.table.AtEnd() {
		t.Errorf("follow = %v, at end = %v; want following at the newest row", m.follow, m.table.AtEnd())
	}
}

func TestFlowPausedCountsNew(t *testing.T) {
	l := startLive(t, fixtureEntries(), 100, 20)
	l.waitFor("15/15")
	l.press("k", "k")
	l.waitFor("PAUSED — 0 new")
	l.appendLines(0, 7)
	l.waitFor("PAUSED — 7 new", "22/22")
	l.press("G")
	l.waitFor("FOLLOW", "arrival 006")
	if m := l.final(); m.newSince != 0 || m.follow != Following {
		t.Errorf("after G: newSince %d, follow %v", m.newSince, m.follow)
	}
}

func TestFlowFilterCountAndStale(t *testing.T) {
	l := startLive(t, fixtureEntries(), 100, 20)
	l.waitFor("15/15")
	l.press("/", "mallory")
	l.waitFor("1 match", "1/15")
	// A result of an older build arriving late must not replace the view.
	l.tm.Send(viewBuiltMsg{gen: 1, view: &model.View{}})
	l.press("enter")
	l.waitFor("filter: mallory")
	m := l.final()
	if got := m.live.len(); got != 1 {
		t.Errorf("view has %d rows after a stale result; want 1", got)
	}
}

func TestFlowPivotOnUser(t *testing.T) {
	l := startLive(t, fixtureEntries(), 120, 30)
	l.waitFor("15/15")
	l.press("g", "j", "j", "j", "=")
	l.waitFor("filter on this row's", "user alice@example.com")
	l.press("1")
	l.waitFor("filter: user=alice@example.com", "2/15")
	if m := l.final(); m.filter.text != "user=alice@example.com" {
		t.Errorf("filter = %q", m.filter.text)
	}
}

func TestFlowJumpToPair(t *testing.T) {
	es := fixtureEntries()
	l := startLive(t, es, 120, 30)
	l.waitFor("15/15")
	l.press("enter")
	l.waitFor("CONNECTION CLOSED")
	l.press("p")
	l.waitFor("CONNECTION ESTABLISHED")
	m := l.final()
	e := m.table.cache.get(m.store.Snapshot(), m.table.CursorSeq())
	if e == nil || e.Fields.Value(model.KeyEventType) != model.EventEstablished {
		t.Fatalf("cursor is not on the established event: %+v", e)
	}
}

func TestFlowSelectionAndMarks(t *testing.T) {
	l := startLive(t, fixtureEntries(), 120, 30)
	l.waitFor("15/15")
	l.press("g", "j", "v", "j", "j", "v", "m", "j", "m")
	l.waitFor("2 marked", "selected 3 rows")
	m := l.final()
	from, to := m.sel.bounds()
	if m.sel.state != SelectFixed || from != 2 || to != 4 {
		t.Errorf("selection = %v %d..%d; want fixed 2..4", m.sel.state, from, to)
	}
	if len(m.marks) != 2 || !m.marks[4] || !m.marks[5] {
		t.Errorf("marks = %v; want 4 and 5", m.marks)
	}
}

// TestFlowCopyWritesOSC52 checks that y sends the raw line as OSC 52.
func TestFlowCopyWritesOSC52(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 100, 20)
	var buf bytes.Buffer
	m.clipboard = &buf
	m = drive(t, m, keys("y")...)
	want := clipboardSequence(analyticsClosed, "xterm-256color", false)
	if os := buf.String(); os != want && !strings.HasPrefix(os, "\x1bP\x1b]52") {
		t.Errorf("clipboard got %q; want %q", os, want)
	}
	// OSC 52 has no reply: the notice says what was sent, never that it
	// was copied.
	if !strings.Contains(m.notice, "sent the raw line") || !strings.Contains(m.notice, "terminal's clipboard") ||
		strings.Contains(m.notice, "copied") {
		t.Errorf("notice = %q; want it to say the line was sent to the terminal's clipboard", m.notice)
	}
	_ = tea.Quit
}
