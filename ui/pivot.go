package ui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// pivotItem is one filter the pivot menu offers: a label and the query
// term it adds.
type pivotItem struct {
	label string
	term  string
}

// PivotMenu is the small menu `=` and `-` open: filters built from the
// selected row, to AND into the filter (or to exclude).
type PivotMenu struct {
	keys    *KeyMap
	styles  *theme.Styles
	items   []pivotItem
	cursor  int
	exclude bool
	open    bool
	width   int
	maxH    int     // the most lines the menu may take, title included
	chosen  *string // the term of the item just chosen, until the root takes it
}

// NewPivotMenu returns a closed menu.
func NewPivotMenu(keys *KeyMap, styles *theme.Styles) PivotMenu {
	return PivotMenu{keys: keys, styles: styles}
}

// SetSize sets the width and the most lines the menu may take; on a short
// terminal it shows the items around the cursor.
func (p *PivotMenu) SetSize(w, h int) { p.width, p.maxH = w, max(h, 1) }

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
	return min(len(p.items)+1, p.maxH)
}

// itemWindow is the range of items on screen: as many as fit under the
// title, the cursor's among them; one line holds the cursor's item alone.
func (p PivotMenu) itemWindow() (int, int) {
	if p.Height() == 1 {
		return p.cursor, p.cursor + 1
	}
	n := p.Height() - 1
	from := min(max(p.cursor-n+1, 0), len(p.items)-n)
	return from, from + n
}

// Update moves in the menu; enter or an item's digit chooses, esc closes.
func (p PivotMenu) Update(msg tea.Msg) (PivotMenu, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(km, p.keys.Menu.Close):
		p.open = false
	case key.Matches(km, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(km, p.keys.Down):
		p.cursor = min(p.cursor+1, len(p.items)-1)
	case key.Matches(km, p.keys.Menu.Choose):
		return p.choose(p.cursor)
	case key.Matches(km, p.keys.Menu.Pick):
		return p.choose(slices.Index(p.keys.Menu.Pick.Keys(), km.String()))
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
	p.chosen = &term
	return p, nil
}

// TakeChoice returns the term of the item the last key chose, if any, and
// the menu without it. The root applies it at once, so that a key arriving
// in the same read acts on the new filter.
func (p PivotMenu) TakeChoice() (PivotMenu, string, bool) {
	if p.chosen == nil {
		return p, "", false
	}
	term := *p.chosen
	p.chosen = nil
	return p, term, true
}

// View draws the menu lines.
func (p PivotMenu) View() string {
	if !p.open {
		return ""
	}
	keys := "  (" + hint(p.keys.Menu.Choose, p.keys.Menu.Pick, p.keys.Menu.Close) + ")"
	title := "filter on this row's…" + keys
	if p.exclude {
		title = "exclude rows with this row's…" + keys
	}
	var lines []string
	if p.Height() > 1 {
		lines = append(lines, p.styles.DialogTitle.Render(theme.Fit(title, p.width)))
	}
	from, to := p.itemWindow()
	for i := from; i < to; i++ {
		it := p.items[i]
		line := " " + strconv.Itoa(i+1) + "  " + theme.Fit(it.label, 22) + " " + theme.Clean(it.term)
		if i == p.cursor {
			lines = append(lines, p.styles.ChoiceActive.Render(theme.Fit(line, p.width)))
		} else {
			lines = append(lines, theme.Fit(line, p.width))
		}
	}
	return strings.Join(lines, "\n")
}

// pivotItems builds the menu from an entry: this user, this resource, this
// connection, this client IP, this module, its level, this kind. Keeping
// rows offers "this level and above"; excluding offers "this level" alone,
// since excluding a level and everything above it (on a DEBUG row, all but
// TRACE) empties the view by surprise. For the same reason the exclusion
// menu leaves out the row's kind on a tab that shows only that kind.
func pivotItems(e *model.Entry, exclude bool, tab Tab) []pivotItem {
	var out []pivotItem
	add := func(label, field, value string) {
		if value != "" {
			out = append(out, pivotItem{label: label + " " + theme.Clean(value), term: query.Term(field, value)})
		}
	}
	add("user", "user", firstValue(e, model.KeyUserEmail, model.KeyUserID, model.KeyAuditUserName,
		model.KeyAuditUserID, model.KeySessUserEmail, model.KeyNodeUser))
	add("resource", "resource", firstValue(e, model.KeyResourceAddr, model.KeyResourceName, model.KeySiteResource, model.KeyElement))
	add("connection", "conn", firstValue(e, model.KeyConnID, model.KeySessionID))
	add("client IP", "ip", firstValue(e, model.KeyClientIP, model.KeyAuditClientIP, model.KeySrcIP))
	add("module", "module", e.Fields.Value(model.KeyModule))
	switch {
	case e.Level == model.LevelNone:
	case exclude:
		add("level", "level", e.Level.String())
	default:
		out = append(out, pivotItem{label: "level " + e.Level.String() + " and above", term: "level>=" + e.Level.String()})
	}
	if !exclude || !tabOnlyKind(tab, e.Kind) {
		add("kind", "kind", e.Kind.String())
	}
	add("host", "host", hostCell(e))
	return out
}

// tabOnlyKind reports whether k is the only kind of entry a tab shows
// (besides the gaps and boundaries every tab shows).
func tabOnlyKind(t Tab, k model.Kind) bool {
	n, has := 0, false
	for _, tk := range tabKinds[t] {
		if tk == model.KindGap || tk == model.KindBoundary {
			continue
		}
		n++
		has = has || tk == k
	}
	return n == 1 && has
}

// openPivot opens the menu for the cursor's row.
func (m Model) openPivot(exclude bool) (tea.Model, tea.Cmd) {
	e := m.table.cache.get(m.store.Snapshot(), m.table.CursorSeq())
	if e == nil {
		return m, nil
	}
	m.pivot = m.pivot.Show(pivotItems(e, exclude, m.filter.tab), exclude)
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
