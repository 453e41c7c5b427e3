package ui

import tea "charm.land/bubbletea/v2"

// escape undoes one thing per press, the nearest first: it ends a go-to
// waiting for its time to be read, closes the detail pane, then drops the visual selection, then the search, then the
// filter in force. (A bar, a prompt, a menu or a dialog that has the
// keyboard is closed by its own esc before any of these.) Marks stay: M
// clears them.
func (m Model) escape() (tea.Model, tea.Cmd) {
	switch {
	case m.gotoWait.active():
		return m.cancelGoto()
	case m.showDetail:
		m.showDetail, m.focus = false, FocusTable
		m.layout()
		return m, nil
	case m.sel.state != SelectNone:
		m.sel = selection{}
		return m, nil
	case m.search.text != "":
		m.search = searchState{gen: m.search.gen + 1}
		m.notice = "search cleared"
		return m, nil
	case m.filter.text != "":
		return m.clearFilter(m.filter.tab, "filter cleared")
	}
	return m, nil
}

// clearFilter drops the filter in force (showing tab), keeping it at the
// end of the bar's history, and says why and how to get it back.
func (m Model) clearFilter(tab Tab, why string) (tea.Model, tea.Cmd) {
	old := m.filter.text
	if tab != m.filter.tab {
		m.table.SetColumns(tabColumns[tab])
	}
	m.prevFilter = old
	m.bar = m.bar.Remember(old)
	nm, cmd := m.applyFilter("", tab)
	mm := nm.(Model)
	mm.notice = why + " · " + keyOf(m.keys.Filter) + " then " + keyOf(m.keys.Bar.HistPrev) + " brings it back"
	return mm, cmd
}
