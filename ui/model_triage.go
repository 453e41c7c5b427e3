package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/query"
	"connlog/model/triage"
	"connlog/ui/triageview"
)

// startTriage starts counting the current view (the filter and the tab in
// force) for parts in a Cmd over a copy of it, from where the view's keeper
// of those parts stands; ok is false, with a notice, while the view is
// still being built.
func (m *Model) startTriage(open key.Binding, parts triage.Parts, opts triage.ReportOptions) (job triageview.Job, cmd tea.Cmd, ok bool) {
	if m.live.view == nil || m.live.building {
		m.notice = "the view is still being built: press " + keyOf(open) + " again when it is"
		return triageview.Job{}, nil, false
	}
	m.triGen++
	job, cmd = computeTriage(m.triGen, m.live.triageKeeper(parts), m.store.Snapshot(), *m.live.view, opts)
	return job, cmd, true
}

// openTopN shows the top-N view of the current view.
func (m Model) openTopN() (tea.Model, tea.Cmd) {
	job, cmd, ok := m.startTriage(m.keys.TopN, topNParts, triage.ReportOptions{Top: triageRows})
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
	if out, cmd, left := m.leaveTriage(msg, m.keys.TopN); left {
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

// closeTriage goes back to the table, cancelling a computation in flight.
func (m Model) closeTriage() Model {
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
