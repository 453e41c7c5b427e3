package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/query"
	"connlog/model/triage"
	"connlog/ui/triageview"
)

// startTriage starts counting the current view (the filter and the tab in
// force) for the triage view of mode in a Cmd over a copy of it, from
// where the view's keeper of its parts stands; ok is false, with a notice
// naming the key open, while the view is still being built.
func (m *Model) startTriage(open key.Binding, mode Mode) (job triageview.Job, cmd tea.Cmd, ok bool) {
	if m.live.view == nil || m.live.building {
		m.notice = "the view is still being built: press " + keyOf(open) + " again when it is"
		return triageview.Job{}, nil, false
	}
	parts, opts := m.triageRequest(mode)
	m.triGen++
	m.triFresh, m.triBehind = m.cfg.now(), false
	job, cmd = computeTriage(m.triGen, m.live.triageKeeper(parts), m.store.Snapshot(), *m.live.view, opts, m.cfg.now)
	return job, cmd, true
}

// triageRequest is what the triage view of mode counts: its parts, and
// what its report holds.
func (m Model) triageRequest(mode Mode) (triage.Parts, triage.ReportOptions) {
	switch mode {
	case ModeTemplates:
		return templatesParts, triage.ReportOptions{Top: triageview.TemplateRows}
	case ModeSessions:
		return sessionsParts, triage.ReportOptions{Top: triageview.SessionRows, Ended: m.inputEnded(),
			Sessions: func(*triage.Session) bool { return true }}
	}
	return topNParts, triage.ReportOptions{Top: triageRows}
}

// triageRefreshEvery is how often an open triage view is brought up to
// date while rows arrive: each time, its keeper counts the new rows only.
const triageRefreshEvery = time.Second

// refreshTriage brings the open triage view up to date with the rows the
// view adopted, at most every triageRefreshEvery and never over a count
// in flight; the view keeps showing its report, cursor and all, until the
// new one replaces it. A refresh that cannot run now is owed: the clock's
// next tick asks again (see onClock), so that the last rows of a burst,
// or those adopted while a count ran, are counted even when no more come.
func (m *Model) refreshTriage() tea.Cmd {
	switch m.mode {
	case ModeTopN, ModeTemplates, ModeSessions:
	default:
		return nil
	}
	if !m.triageOpen() || m.live.building || m.cfg.now().Sub(m.triFresh) < triageRefreshEvery {
		m.triBehind = true
		return nil
	}
	job, cmd, _ := m.startTriage(key.Binding{}, m.mode)
	switch m.mode {
	case ModeTopN:
		m.topN = m.topN.Refresh(job)
	case ModeTemplates:
		m.tmpl = m.tmpl.Refresh(job)
	case ModeSessions:
		m.sess = m.sess.Refresh(job)
	}
	return cmd
}

// triageOpen reports whether a triage view is shown with its report (not
// counting one).
func (m Model) triageOpen() bool {
	switch m.mode {
	case ModeTopN:
		return !m.topN.Computing()
	case ModeTemplates:
		return !m.tmpl.Computing()
	case ModeSessions:
		return !m.sess.Computing()
	}
	return false
}

// openTopN shows the top-N view of the current view.
func (m Model) openTopN() (tea.Model, tea.Cmd) {
	job, cmd, ok := m.startTriage(m.keys.TopN, ModeTopN)
	if !ok {
		return m, nil
	}
	m.topN = m.topN.Start(job)
	return m.showTriage(ModeTopN), cmd
}

// showTriage gives the body and the keyboard to a triage view.
func (m Model) showTriage(mode Mode) Model {
	m.mode = mode
	m.layout()
	return m
}

// topNKey handles a key in the top-N view: esc (or the view's own key)
// goes back to the table, enter pivots the filter to the chosen value.
func (m Model) topNKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if out, cmd, done := m.triageFirst(msg, m.keys.TopN, m.topN.Waiting(), m.keys.Triage.Choose); done {
		return out, cmd
	}
	m.topN, _ = m.topN.Update(msg)
	var table triageview.Table
	var value triage.Value
	var chosen bool
	if m.topN, table, value, chosen = m.topN.TakeChoice(); !chosen {
		return m, nil
	}
	term, exact := pivotTerm(table, value)
	if term == "" {
		m.notice = "the " + value.Value + " row counts many values: choose one of the others"
		return m, nil
	}
	note := ""
	if !exact {
		note = failureNote
	}
	return m.closeTriage().pivotTo(term, note)
}

// pivotTo ANDs term into the filter, with a notice saying how it was built.
func (m Model) pivotTo(term, note string) (tea.Model, tea.Cmd) {
	nm, cmd := m.setFilterText(query.And(m.filter.text, term))
	if mm, ok := nm.(Model); ok && note != "" {
		mm.notice = note
		nm = mm
	}
	return nm, cmd
}

// closeTriage goes back to the table, cancelling a computation in flight
// and dropping the keys held for its report.
func (m Model) closeTriage() Model {
	m.triageHeld = nil
	m.topN.Stop()
	m.tmpl.Stop()
	m.sess.Stop()
	m.changed.Stop()
	m.mode = ModeNormal
	m.layout()
	return m
}

// quit stops every computation in flight and ends the program.
func (m Model) quit() (tea.Model, tea.Cmd) {
	m.topN.Stop()
	m.tmpl.Stop()
	m.sess.Stop()
	m.changed.Stop()
	m.live.cancelBuild()
	return m, tea.Quit
}

// leaveTriage handles the keys every triage view shares: close (or the
// view's own key again) goes back to the table, quit quits. left says the
// key was one of them.
func (m Model) leaveTriage(msg tea.KeyPressMsg, own key.Binding) (tea.Model, tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Menu.Close, own):
		return m.closeTriage(), nil, true
	case key.Matches(msg, m.keys.Quit):
		out, cmd := m.quit()
		return out, cmd, true
	}
	return m, nil, false
}

// triageFirst handles a key in a triage view before the view itself does:
// leaving the view or quitting, or holding the key for the view's first
// report (see holdTriageKey). done says the key was taken.
func (m Model) triageFirst(msg tea.KeyPressMsg, own key.Binding, waiting bool, acts ...key.Binding) (tea.Model, tea.Cmd, bool) {
	if out, cmd, left := m.leaveTriage(msg, own); left {
		return out, cmd, true
	}
	if m.holdTriageKey(msg, waiting, own, acts...) {
		m.holdTriageKeyPress(msg)
		return m, nil, true
	}
	return m, nil, false
}
