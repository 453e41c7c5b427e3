package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/theme"
	"connlog/ui/triageview"
)

// sessionEntries is the fixture with two more connections: one still open
// at the end of the data, and one whose close is the only event seen of it
// (its establishment is before the data).
func sessionEntries() []model.Entry {
	es := fixtureEntries()
	before := analytics(5000, model.EventClosed, "99aa88bb77cc66dd-5", "erin@example.com", "", 1200, 3400, 120000)
	at := 0
	for at < len(es) && !es[at].Time.After(before.Time) {
		at++
	}
	es = append(es[:at], append([]model.Entry{before}, es[at:]...)...)
	return append(es, analytics(3040000, model.EventEstablished, "ff00ee11dd22cc33-3", "dave@example.com", "", 0, 0, 0))
}

func TestGoldenSessions(t *testing.T) {
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			st, _ := newFixtureStore(t, sessionEntries())
			m := newTestModel(t, st, sz[0], sz[1])
			m.stats.MemBytes = fixedMem
			m = drive(t, m, keys("2", "S", "j")...)
			if m.mode != ModeSessions {
				t.Fatalf("mode %s after S; want sessions", m.mode)
			}
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

// TestSessionsRows checks the rows against the fixture: one per
// connection, oldest start first, each with its status.
func TestSessionsRows(t *testing.T) {
	st, _ := newFixtureStore(t, sessionEntries())
	m := drive(t, newTestModel(t, st, 160, 40), keys("2", "S")...)
	got := map[string]string{}
	var order []string
	for i := range m.sess.Rows() {
		r := &m.sess.Rows()[i]
		got[r.ID] = triageview.StatusText(r)
		order = append(order, r.ID)
	}
	want := map[string]string{
		"e755ba99988db558-24": "closed",
		"aa11bb22-77":         "failed: CONNECTION_FAILED: timeout",
		"cc33dd44-88":         "failed: DNS_ERROR",
		"99aa88bb77cc66dd-5":  "closed",
		"ff00ee11dd22cc33-3":  "open",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("session %s: status %q; want %q (rows %v)", id, got[id], w, got)
		}
	}
	for i := 1; i < len(m.sess.Rows()); i++ {
		a, b := m.sess.Rows()[i-1].Start, m.sess.Rows()[i].Start
		if !a.IsZero() && b.Before(a) {
			t.Errorf("rows not sorted by start: %v", order)
		}
	}
}

// TestSessionsUnknownEnd: once every source has ended, a connection still
// open has its end outside the data; while one follows, it is open.
func TestSessionsUnknownEnd(t *testing.T) {
	st, _ := newFixtureStore(t, sessionEntries())
	m := newTestModel(t, st, 160, 40)
	m.sources = []model.SourceStatus{{Name: "a.log", State: "done", Done: true}, {Name: "b.log", State: "following"}}
	if m = drive(t, m, keys("S")...); m.sess.Totals().Open != 1 || m.sess.Totals().UnknownEnd != 0 {
		t.Errorf("totals %+v while a source follows; want one open", m.sess.Totals())
	}
	m = drive(t, m, keys("esc")...)
	m.sources[1].Done = true
	m = drive(t, m, keys("S")...)
	for i := range m.sess.Rows() {
		if r := m.sess.Rows()[i]; r.ID == "ff00ee11dd22cc33-3" && r.Status != triage.StatusUnknownEnd {
			t.Errorf("the connection open at the end of ended input is %s; want unknown end", r.Status)
		}
	}
	if m.sess.Totals().UnknownEnd != 1 || m.sess.Totals().Open != 0 {
		t.Errorf("totals %+v; want one unknown end and none open", m.sess.Totals())
	}
}

// TestSessionEnterFilters: enter on the failed session filters the table
// to that connection, with the terms of the whole-connection key.
func TestSessionEnterFilters(t *testing.T) {
	st, _ := newFixtureStore(t, sessionEntries())
	m := drive(t, newTestModel(t, st, 160, 40), keys("2", "S")...)
	i := sessionIndex(t, m, "aa11bb22-77")
	m = drive(t, m, keys(strings.Repeat("j", i), "enter")...)
	if m.mode != ModeNormal {
		t.Fatalf("mode %s after enter; want normal", m.mode)
	}
	if !strings.Contains(m.filter.text, `conn=aa11bb22-77`) {
		t.Errorf("filter %q does not name the connection", m.filter.text)
	}
	if m.live.len() != 1 {
		t.Errorf("%d rows; want the failure's one event", m.live.len())
	}
}

func sessionIndex(t *testing.T, m Model, id string) int {
	t.Helper()
	for i, r := range m.sess.Rows() {
		if r.ID == id {
			return i
		}
	}
	t.Fatalf("no session %s among %d rows", id, len(m.sess.Rows()))
	return 0
}

// TestFlowOpenFailedSession opens the sessions view in a running program,
// picks the failed session and reads the filter and its row.
func TestFlowOpenFailedSession(t *testing.T) {
	l := startLive(t, sessionEntries(), 120, 30)
	l.waitFor("State: Online")
	l.press("2")
	l.waitFor("[2 Connections]", "8/17")
	l.press("S")
	l.waitFor("sessions · 5 connections", "failed: CONNECTION_FAILED: timeout")
	l.press("j", "j", "enter")
	l.waitFor("conn=aa11bb22-77", "1/")
	if m := l.final(); m.live.len() != 1 || m.mode != ModeNormal {
		t.Errorf("%d rows in mode %s; want the failure's one row in the table", m.live.len(), m.mode)
	}
}

// TestSessionsEndedByUpdates: the ingest loop closing its channel ends
// the input too.
func TestSessionsEndedByUpdates(t *testing.T) {
	st, _ := newFixtureStore(t, sessionEntries())
	m := drive(t, newTestModel(t, st, 160, 40), updatesClosedMsg{})
	if m = drive(t, m, keys("S")...); m.sess.Totals().UnknownEnd != 1 {
		t.Errorf("totals %+v after the input ended; want one unknown end", m.sess.Totals())
	}
}

// TestSessionsHostileTextIsInert: a user and a failure reason carrying
// escapes and a bidi override reach the sessions view as visible text.
func TestSessionsHostileTextIsInert(t *testing.T) {
	es := append(fixtureEntries(), analytics(20000, model.EventFailed, "dd55ee66-9", hostileRaw, hostileRaw, 0, 0, 0))
	st, _ := newFixtureStore(t, es)
	for _, styled := range []bool{false, true} {
		m := newTestModel(t, st, 160, 40)
		if styled {
			m = withStyles(m, theme.Default())
		}
		v := drive(t, m, keys("2", "S", "G")...).View().Content
		if !strings.Contains(ansi.Strip(v), "pwned") {
			t.Fatalf("the hostile session is not on screen:\n%s", ansi.Strip(v))
		}
		forbidden := []string{"\x1b]", "\x1b[2J", "\x07", "\u202e", "\x1bP"}
		if !styled {
			forbidden = append(forbidden, "\x1b")
		}
		for _, f := range forbidden {
			if strings.Contains(v, f) {
				t.Errorf("styled %v: the sessions view holds %q", styled, f)
			}
		}
	}
}
