package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/query"
)

// openTopN shows the top-N view and starts counting the current view (the
// filter and the tab in force) in a Cmd over a copy of it.
func (m Model) openTopN() (tea.Model, tea.Cmd) {
	if m.live.view == nil || m.live.building {
		m.notice = "the view is still being built: press " + keyOf(m.keys.TopN) + " again when it is"
		return m, nil
	}
	m.triGen++
	job, cmd := computeTriage(m.triGen, m.store.Snapshot(), *m.live.view)
	m.topN = m.topN.Start(job)
	m.mode = ModeTopN
	m.layout()
	return m, cmd
}

// topNKey handles a key in the top-N view: esc (or the view's own key)
// goes back to the table, enter pivots the filter to the chosen value.
func (m Model) topNKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Menu.Close, m.keys.TopN) {
		return m.closeTopN(), nil
	}
	if key.Matches(msg, m.keys.Quit) {
		m.topN.Stop()
		m.live.cancelBuild()
		return m, tea.Quit
	}
	m.topN, _ = m.topN.Update(msg)
	var row topRow
	var chosen bool
	if m.topN, row, chosen = m.topN.TakeChoice(); !chosen {
		return m, nil
	}
	term, exact := row.table.pivotTerm(row.value)
	if term == "" {
		m.notice = "the " + row.value.Value + " row counts many values: choose one of the others"
		return m, nil
	}
	m = m.closeTopN()
	nm, cmd := m.setFilterText(query.And(m.filter.text, term))
	if mm, ok := nm.(Model); ok && !exact {
		mm.notice = "a failure reason is a template: filtered on its event and longest words"
		nm = mm
	}
	return nm, cmd
}

// closeTopN goes back to the table, cancelling a computation in flight.
func (m Model) closeTopN() Model {
	m.topN.Stop()
	m.mode = ModeNormal
	m.layout()
	return m
}
