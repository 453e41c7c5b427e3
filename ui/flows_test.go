package ui

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"connlog/model"
)

// flowWait is how long a flow waits for the screen to show something.
const flowWait = 5 * time.Second

// live is a program under test with a store it can append to, and the
// screen a terminal would show of what the program wrote.
type live struct {
	t       *testing.T
	tm      *teatest.TestModel
	store   *model.Store
	rp      *reparser
	updates chan model.Update
	term    *vt.Emulator
	out     bytes.Buffer // every byte the program wrote
}

func startLive(t *testing.T, es []model.Entry, w, h int) *live {
	t.Helper()
	st, rp := newFixtureStore(t, es)
	ch := make(chan model.Update, 16)
	m := New(testConfig(), st, ch)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	term := vt.NewEmulator(w, h)
	// The emulator answers the program's queries on a pipe: read and drop
	// the answers so that its writes never wait.
	go func() { _, _ = io.Copy(io.Discard, term) }()
	t.Cleanup(func() {
		_ = tm.Quit()
		// Ends the reader above (Close would race with it).
		if c, ok := term.InputPipe().(io.Closer); ok {
			_ = c.Close()
		}
	})
	return &live{t: t, tm: tm, store: st, rp: rp, updates: ch, term: term}
}

// screen feeds what the program wrote since the last call to the emulator
// and returns the screen without styles.
func (l *live) screen() string {
	b, _ := io.ReadAll(l.tm.Output())
	l.out.Write(b)
	// A terminal device turns each line feed into CR LF (onlcr) on the way
	// to the screen; the emulator gets the bytes as the device would pass them.
	_, _ = l.term.Write(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
	return ansi.Strip(l.term.String())
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
	deadline := time.Now().Add(flowWait)
	for {
		s := l.screen()
		missing := ""
		for _, w := range wants {
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			l.t.Fatalf("after %s the screen does not show %q:\n%s", flowWait, missing, s)
		}
		<-time.After(10 * time.Millisecond)
	}
}

// waitForOutput waits until the program has written want to the terminal.
func (l *live) waitForOutput(want string) {
	l.t.Helper()
	deadline := time.Now().Add(flowWait)
	for l.screen(); !strings.Contains(l.out.String(), want); l.screen() {
		if time.Now().After(deadline) {
			l.t.Fatalf("after %s the terminal has not received %q", flowWait, want)
		}
		<-time.After(10 * time.Millisecond)
	}
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
	// The new entries counted are the view's: a filter applied now counts
	// those it keeps, not every entry that arrived.
	l.press("/", "level>=warn", "enter")
	l.waitFor("filter: level>=warn", "PAUSED — 0 new")
	l.press("/", "ctrl+u", "arrival or mallory", "enter")
	l.waitFor("filter: arrival or mallory", "PAUSED — 7 new", "8/22")
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
	e := m.table.Entry(m.store.Snapshot(), m.table.CursorSeq())
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

// TestFlowCopyWritesOSC52 checks that y sends the raw line to the terminal
// as OSC 52, through the program that owns the terminal.
func TestFlowCopyWritesOSC52(t *testing.T) {
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("TMUX", "")
	l := startLive(t, fixtureEntries(), 100, 20)
	l.waitFor("15/15")
	l.press("y")
	// OSC 52 has no reply: the notice says what was sent, never that it
	// was copied.
	l.waitFor("sent the raw line", "terminal's clipboard")
	// The sequence is written by a command of its own, which may run just
	// after the frame that shows the notice.
	l.waitForOutput(clipboardSequence(analyticsClosed, "xterm-256color", false))
	if m := l.final(); strings.Contains(m.notice, "copied") {
		t.Errorf("notice = %q; it must not claim the line was copied", m.notice)
	}
}
