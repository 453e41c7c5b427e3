package ui

import (
	tea "charm.land/bubbletea/v2"

	"connlog/model/triage"
)

// openSessions shows the sessions view of the current view: every
// connection it holds, one row each.
func (m Model) openSessions() (tea.Model, tea.Cmd) {
	job, cmd, ok := m.startTriage(m.keys.Sessions, ModeSessions)
	if !ok {
		return m, nil
	}
	m.sess.SetNow(m.now)
	m.sess = m.sess.Start(job, m.loc())
	return m.showTriage(ModeSessions), cmd
}

// sessionsKey handles a key in the sessions view: esc (or the view's own
// key) goes back, enter filters the table to the chosen connection.
func (m Model) sessionsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if out, cmd, done := m.triageFirst(msg, m.keys.Sessions, m.sess.Waiting(), m.keys.Triage.Choose); done {
		return out, cmd
	}
	m.sess, _ = m.sess.Update(msg)
	var chosen *triage.Session
	if m.sess, chosen = m.sess.TakeChoice(); chosen == nil {
		return m, nil
	}
	return m.openSession(*chosen)
}

// openSession filters the table to one connection with the terms the
// whole-connection key builds, from whichever of its events is still held.
func (m Model) openSession(s triage.Session) (tea.Model, tea.Cmd) {
	sn := m.store.Snapshot()
	for _, seq := range []int64{s.Opened, s.Closed} {
		if seq != 0 && sn.Has(seq) {
			return m.closeTriage().connectionFilterOf(seq)
		}
	}
	// One line at 80 columns: the footer wraps a notice, pushing the rows up.
	m.notice = "this connection's events were evicted by --max-memory (raise it to keep more)"
	return m, nil
}

// inputEnded says no entry will come (every source is done, or the ingest
// loop has ended): a connection still open then has its end outside the data.
func (m Model) inputEnded() bool {
	if m.updatesClosed {
		return true
	}
	for _, s := range m.sources {
		if !s.Done {
			return false
		}
	}
	return len(m.sources) > 0
}
