package ui

import tea "github.com/charmbracelet/bubbletea"

// escape undoes one thing per press, the nearest first: it closes the
// detail pane, then drops the visual selection, then the search, then the
// filter in force. (A bar, a prompt, a menu or a dialog that has the
// keyboard is closed by its own esc before any of these.) Marks stay: M
// clears them.
func (m Model) escape() (tea.Model, tea.Cmd) {
	switch {
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
		old := m.filter.text
		nm, cmd := m.setFilterText("")
		mm := nm.(Model)
		mm.bar = mm.bar.Remember(old)
		mm.notice = "filter cleared — " + hint(m.keys.Filter) + ", then " + keyOf(m.keys.Bar.HistPrev) + " recalls it"
		return mm, cmd
	}
	return m, nil
}
