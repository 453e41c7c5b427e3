package ui

import (
	"connlog/model/query"

	tea "charm.land/bubbletea/v2"

	"connlog/ui/filterbar"
)

// openBar opens the filter bar on the filter in force; ctrl+s brings in
// the search in force.
func (m Model) openBar() (tea.Model, tea.Cmd) {
	m.mode, m.prevFilter, m.prevSearch = ModeFilter, m.filter.text, m.search
	m.bar = m.bar.Open(m.filter.text, filterbar.Filter).WithOther(m.search.text)
	m.showCount()
	m.layout()
	return m, nil
}

// onQueryChanged runs the query once typing paused: as a filter it
// rebuilds the view (the previous build is cancelled), as a search it only
// highlights. A change emitted just before the bar closed is dropped.
func (m Model) onQueryChanged(filterbar.QueryChanged) (tea.Model, tea.Cmd) {
	if m.mode != ModeFilter {
		return m, nil
	}
	return m.runBar()
}

// runBar applies the bar's text in its mode.
func (m Model) runBar() (tea.Model, tea.Cmd) {
	text := m.bar.Value()
	if m.bar.Mode() == filterbar.Search {
		return m.setSearch(text), nil
	}
	return m.applyFilter(text, m.filter.tab)
}

// setSearch compiles a search query; an error shows in the bar.
func (m Model) setSearch(text string) Model {
	m.bar.ClearError()
	if text == "" {
		m.search = searchState{gen: m.search.gen + 1}
		m.bar.SetInfo("")
		return m
	}
	q, err := compileQuery(text, m.timeOptions())
	if err != nil {
		m.barError(err)
		return m
	}
	m.search = searchState{text: text, query: q, terms: q.Finders(), gen: m.search.gen + 1}
	m.bar.SetInfo(keysOf(m.keys.NextMatch, m.keys.PrevMatch) + " jump")
	return m
}

// applyFilter compiles text for tab and rebuilds the view in a Cmd. A
// query that does not compile leaves the view as it is and shows the error.
func (m Model) applyFilter(text string, tab Tab) (tea.Model, tea.Cmd) {
	return m.applyFilterWith(text, tab, m.timeOptions())
}

// applyFilterWith is applyFilter with the time options given.
func (m Model) applyFilterWith(text string, tab Tab, opt query.Options) (tea.Model, tea.Cmd) {
	af, err := newFilter(text, tab, opt)
	if err != nil {
		m.barError(err)
		return m, nil
	}
	m.bar.ClearError()
	m.forgetWindowNote()
	af.filter = m.mutes.wrap(af.filter)
	m.filter = af
	m.bar.SetInfo("filtering…")
	return m, m.live.rebuild(m.store.Snapshot(), af.filter)
}

// barError shows a compile error in the bar, caret at its position.
func (m *Model) barError(err error) {
	pos, msg := queryErrorAt(err)
	m.bar.SetError(pos, msg)
}

// onBarEvent handles enter, esc and the filter/search toggle.
func (m Model) onBarEvent(ev filterbar.Event) (tea.Model, tea.Cmd) {
	switch ev.(type) {
	case filterbar.Committed:
		if err := m.barQueryErr(); err != nil {
			return m.keepBarOpen(err)
		}
		m.bar = m.bar.Close(true)
		m.mode = ModeNormal
		m.layout()
		if m.bar.Mode() == filterbar.Search {
			m = m.setSearch(m.bar.Value())
			return m.searchJump(true)
		}
		if m.bar.Value() != m.filter.text || m.bar.Err() != "" {
			return m.applyFilter(m.bar.Value(), m.filter.tab)
		}
		return m, nil
	case filterbar.Cancelled:
		m.bar = m.bar.Close(false)
		m.bar.ClearError()
		m.mode = ModeNormal
		m.layout()
		m.restoreSearch()
		if m.filter.text != m.prevFilter {
			return m.applyFilter(m.prevFilter, m.filter.tab)
		}
		return m, nil
	}
	return m.toggleBarMode()
}

// toggleBarMode runs the bar's text in the mode it switched to. Only that
// mode previews it: the other goes back to what it was when the bar
// opened, so that neither esc nor enter leaves in force a query that was
// only passed through (a search that was a filter, a filter that became
// a search).
func (m Model) toggleBarMode() (tea.Model, tea.Cmd) {
	if m.bar.Mode() == filterbar.Filter {
		m.restoreSearch()
		return m.runBar()
	}
	if m.filter.text != m.prevFilter {
		nm, cmd := m.applyFilter(m.prevFilter, m.filter.tab)
		return nm.(Model).setSearch(m.bar.Value()), cmd
	}
	return m.runBar()
}

// restoreSearch puts back the search in force when the bar opened; a jump
// still looking for a match of the search it replaces is dropped.
func (m *Model) restoreSearch() {
	gen := m.search.gen
	m.search = m.prevSearch
	m.search.gen = gen + 1
}

// barQueryErr returns why the bar's text does not compile, nil when it
// does.
func (m Model) barQueryErr() error {
	_, err := compileQuery(m.bar.Value(), m.timeOptions())
	return err
}

// keepBarOpen answers enter on a query that does not compile: closing the
// bar would keep whatever preview ran last, a filter the user never chose,
// and lose the text. The bar stays open on the text and its error, and the
// filter in force goes back to the one the bar opened on (a search
// previews no filter: it is already that one).
func (m Model) keepBarOpen(err error) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.filter.text != m.prevFilter {
		var nm tea.Model
		nm, cmd = m.applyFilter(m.prevFilter, m.filter.tab)
		m = nm.(Model)
		m.bar.SetInfo("") // "filtering…" or a count would be another query's
	}
	m.barError(err)
	return m, cmd
}

// setTab switches the view to a tab: its columns and its kind condition.
func (m Model) setTab(t Tab) (tea.Model, tea.Cmd) {
	if t >= tabCount || t == m.filter.tab {
		return m, nil
	}
	m.table.SetColumns(tabColumns[t])
	return m.applyFilter(m.filter.text, t)
}

// setFilterText replaces the filter in force (a pivot, a connection) and
// shows it in the bar so it can be edited.
func (m Model) setFilterText(text string) (tea.Model, tea.Cmd) {
	m.prevFilter = m.filter.text
	m.bar = m.bar.Open(text, filterbar.Filter).Close(true)
	return m.applyFilter(text, m.filter.tab)
}
