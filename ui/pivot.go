package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"connlog/model"
	"connlog/model/query"
)

// pivotItem is one filter the pivot menu offers: a label and the query
// term it adds.
type pivotItem struct {
	label string
	term  string
}

// pivotChosenMsg carries the chosen term to the root.
type pivotChosenMsg struct{ term string }

// PivotMenu is the small menu `=` and `-` open: filters built from the
// selected row, to AND into the filter (or to exclude).
type PivotMenu struct {
	keys    *KeyMap
	styles  *Styles
	items   []pivotItem
	cursor  int
	exclude bool
	open    bool
	width   int
}

// NewPivotMenu returns a closed menu.
func NewPivotMenu(keys *KeyMap, styles *Styles) PivotMenu {
	return PivotMenu{keys: keys, styles: styles}
}

// SetSize sets the width.
func (p *PivotMenu) SetSize(w, _ int) { p.width = w }

// Show opens the menu with items; exclude makes every item a negation.
func (p PivotMenu) Show(items []pivotItem, exclude bool) PivotMenu {
	p.items, p.cursor, p.exclude, p.open = items, 0, exclude, len(items) > 0
	return p
}

// Open reports whether the menu is showing.
func (p PivotMenu) Open() bool { return p.open }

// Height is how many lines the menu takes.
func (p PivotMenu) Height() int {
	if !p.open {
		return 0
	}
	return len(p.items) + 1
}

// Update moves in the menu; enter or an item's digit chooses, esc closes.
func (p PivotMenu) Update(msg tea.Msg) (PivotMenu, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(km, p.keys.Cancel):
		p.open = false
	case key.Matches(km, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(km, p.keys.Down):
		p.cursor = min(p.cursor+1, len(p.items)-1)
	case key.Matches(km, p.keys.Bar.Apply):
		return p.choose(p.cursor)
	case km.Type == tea.KeyRunes && len(km.Runes) == 1 && km.Runes[0] >= '1' && km.Runes[0] <= '9':
		return p.choose(int(km.Runes[0] - '1'))
	}
	return p, nil
}

func (p PivotMenu) choose(i int) (PivotMenu, tea.Cmd) {
	if i < 0 || i >= len(p.items) {
		return p, nil
	}
	p.open = false
	term := p.items[i].term
	if p.exclude {
		term = query.Not(term)
	}
	return p, emit(pivotChosenMsg{term: term})
}

// View draws the menu lines.
func (p PivotMenu) View() string {
	if !p.open {
		return ""
	}
	title := "filter on this row's…  (enter or 1-9 · esc closes)"
	if p.exclude {
		title = "exclude rows with this row's…  (enter or 1-9 · esc closes)"
	}
	lines := []string{p.styles.DialogTitle.Render(fit(title, p.width))}
	for i, it := range p.items {
		line := " " + strconv.Itoa(i+1) + "  " + fit(it.label, 22) + " " + clean(it.term)
		if i == p.cursor {
			lines = append(lines, p.styles.ChoiceActive.Render(fit(line, p.width)))
		} else {
			lines = append(lines, fit(line, p.width))
		}
	}
	return strings.Join(lines, "\n")
}

// pivotItems builds the menu from an entry: this user, this resource, this
// connection, this client IP, this module, this level and above, this kind.
func pivotItems(e *model.Entry) []pivotItem {
	var out []pivotItem
	add := func(label, field, value string) {
		if value != "" {
			out = append(out, pivotItem{label: label + " " + clean(value), term: query.Term(field, value)})
		}
	}
	add("user", "user", firstValue(e, model.KeyUserEmail, model.KeyUserID, model.KeyAuditUserName,
		model.KeyAuditUserID, model.KeySessUserEmail, model.KeyNodeUser))
	add("resource", "resource", firstValue(e, model.KeyResourceAddr, model.KeyResourceName, model.KeySiteResource, model.KeyElement))
	add("connection", "conn", firstValue(e, model.KeyConnID, model.KeySessionID))
	add("client IP", "ip", firstValue(e, model.KeyClientIP, model.KeyAuditClientIP, model.KeySrcIP))
	add("module", "module", e.Fields.Value(model.KeyModule))
	if e.Level != model.LevelNone {
		out = append(out, pivotItem{label: "level " + e.Level.String() + " and above", term: "level>=" + e.Level.String()})
	}
	add("kind", "kind", e.Kind.String())
	add("host", "host", hostCell(e))
	return out
}

// openPivot opens the menu for the cursor's row.
func (m Model) openPivot(exclude bool) (tea.Model, tea.Cmd) {
	e := m.table.cache.get(m.store.Snapshot(), m.table.CursorSeq())
	if e == nil {
		return m, nil
	}
	m.pivot = m.pivot.Show(pivotItems(e), exclude)
	if m.pivot.Open() {
		m.mode = ModePivot
		m.layout()
	}
	return m, nil
}

// onPivotChosen ANDs the chosen term into the filter.
func (m Model) onPivotChosen(msg pivotChosenMsg) (tea.Model, tea.Cmd) {
	m.mode = ModeNormal
	m.layout()
	return m.setFilterText(query.And(m.filter.text, msg.term))
}
