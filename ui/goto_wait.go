package ui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
)

// gotoWait is a go-to-time waiting for its time to be read: asked for a
// time before every row held while a file opened tail first is still
// reading its head, the cursor waits on the first row, as after g, and
// goes to the time once the rows that hold it arrive.
type gotoWait struct {
	at       time.Time // the time asked for; zero for no wait
	pin      int64     // the entry the cursor waits on: moved off it, the wait ends
	dateless bool      // the time was written without a date (see sayDayOfGoto)
}

func (w gotoWait) active() bool { return !w.at.IsZero() }

// gotoTime goes to t (see goTo).
func (m Model) gotoTime(t time.Time) (tea.Model, tea.Cmd) { return m.goTo(t, false) }

// headUnread reports whether rows older than every row held may still come:
// a file's head is being read. A wait also lasts while the view has not
// taken in what the store holds: the head's last rows may still be on their
// way to the view when the file's state says it is read.
func (m Model) headUnread(waiting bool) bool {
	if indexingState(m.sources) != "" {
		return true
	}
	return waiting && (m.live.building || m.live.extending || m.live.pending(m.store.Snapshot()))
}

// indexingState is the state of the first input whose head is being read
// ("indexing 43% (1.1GB)"), "" when none is.
func indexingState(sources []model.SourceStatus) string {
	for _, s := range sources {
		if !s.Done && strings.HasPrefix(s.State, model.StateIndexing) {
			return s.State
		}
	}
	return ""
}

// awaitGoto puts the cursor on the first row and waits there for t to be
// read, saying so.
func (m Model) awaitGoto(t time.Time) (tea.Model, tea.Cmd) {
	m.table.MoveNearTop(0, gotoContextRows)
	m.gotoWait, m.topPin = gotoWait{at: t, pin: m.table.CursorSeq()}, 0
	m.notice = "waiting for " + m.clockText(t) + " to be read"
	if st := indexingState(m.sources); st != "" {
		m.notice += ": " + st
	}
	m.notice += " · " + keyOf(m.keys.Cancel) + " cancels"
	return m.afterMove(false)
}

// settleGoto goes on with a waiting go-to as rows arrive and as the
// inputs' states change: to its time once it is among the rows, or, the
// head read, to the first row saying the time is before it. A cursor moved
// off the row it waits on ends the wait.
func (m Model) settleGoto() (Model, tea.Cmd) {
	if !m.gotoWait.active() {
		return m, nil
	}
	if m.mode != ModeNormal || m.table.CursorSeq() != m.gotoWait.pin {
		m.gotoWait = gotoWait{}
		return m, nil
	}
	dateless := m.gotoWait.dateless
	nm, cmd := m.goTo(m.gotoWait.at, true)
	landed := nm.(Model)
	landed.sayDayOfGoto(dateless)
	return landed, cmd
}

// cancelGoto ends a waiting go-to where the cursor is.
func (m Model) cancelGoto() (tea.Model, tea.Cmd) {
	m.notice = "go to " + m.clockText(m.gotoWait.at) + " cancelled"
	m.gotoWait = gotoWait{}
	return m, nil
}
