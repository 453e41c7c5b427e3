package ui

import (
	tea "charm.land/bubbletea/v2"

	"connlog/model/query"
	"connlog/ui/pivot"
)

// openPivot opens the menu for the cursor's row.
func (m Model) openPivot(exclude bool) (tea.Model, tea.Cmd) {
	e := m.table.Entry(m.store.Snapshot(), m.table.CursorSeq())
	if e == nil {
		return m, nil
	}
	m.pivot = m.pivot.Show(pivot.Items(e, exclude, tabKinds[m.filter.tab]), exclude)
	if m.pivot.Open() {
		m.mode = ModePivot
		m.layout()
	}
	return m, nil
}

// onPivotChosen ANDs the chosen term into the filter.
func (m Model) onPivotChosen(term string) (tea.Model, tea.Cmd) {
	m.mode = ModeNormal
	m.layout()
	return m.setFilterText(query.And(m.filter.text, term))
}
