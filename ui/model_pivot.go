package ui

import (
	"slices"

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
	items := pivot.Items(e, exclude, tabKinds[m.filter.tab])
	if exclude {
		named := filterValues(m.filter.text)
		items = slices.DeleteFunc(items, func(it pivot.Item) bool { return namedIn(named, it.Term) })
	}
	m.pivot = m.pivot.Show(items, exclude)
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

// filterValues lists the field values a filter names; none when it is
// empty or does not parse.
func filterValues(filter string) []query.FieldValue {
	vs, _ := query.FieldValues(filter)
	return vs
}

// namedIn reports whether the filter's values (see filterValues) name
// term's value of its field (user=bob, then "exclude user bob"):
// excluding it would empty the view, a choice the menu does not offer. A
// filter that names it among alternatives loses the choice too, which
// empties nothing.
func namedIn(named []query.FieldValue, term string) bool {
	want, err := query.FieldValues(term)
	if err != nil || len(want) != 1 {
		return false
	}
	return slices.ContainsFunc(named, func(v query.FieldValue) bool {
		return v.Value == want[0].Value && slices.Equal(v.Keys, want[0].Keys)
	})
}
