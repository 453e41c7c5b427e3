package pivot

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/query"
	"connlog/ui/theme"
)

// Item is one filter the menu offers: a label and the query term it adds.
type Item struct {
	Label string
	Term  string
}

// Model is the menu: filters built from the
// selected row, to AND into the filter (or to exclude).
type Model struct {
	keys    *KeyMap
	styles  *theme.Styles
	items   []Item
	cursor  int
	exclude bool
	open    bool
	width   int
	maxH    int     // the most lines the menu may take, title included
	chosen  *string // the term of the item just chosen, until the root takes it
}

// New returns a closed menu.
func New(keys *KeyMap, styles *theme.Styles) Model {
	return Model{keys: keys, styles: styles}
}

// SetSize sets the width and the most lines the menu may take; on a short
// terminal it shows the items around the cursor.
func (p *Model) SetSize(w, h int) { p.width, p.maxH = w, max(h, 1) }

// Show opens the menu with items; exclude makes every item a negation.
func (p Model) Show(items []Item, exclude bool) Model {
	p.items, p.cursor, p.exclude, p.open = items, 0, exclude, len(items) > 0
	return p
}

// Open reports whether the menu is showing.
func (p Model) Open() bool { return p.open }

// Height is how many lines the menu takes.
func (p Model) Height() int {
	if !p.open {
		return 0
	}
	return min(len(p.items)+1, p.maxH)
}

// itemWindow is the range of items on screen: as many as fit under the
// title, the cursor's among them; one line holds the cursor's item alone.
func (p Model) itemWindow() (int, int) {
	if p.Height() == 1 {
		return p.cursor, p.cursor + 1
	}
	n := p.Height() - 1
	from := min(max(p.cursor-n+1, 0), len(p.items)-n)
	return from, from + n
}

// Update moves in the menu; enter or an item's digit chooses, esc closes.
func (p Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(km, p.keys.Close):
		p.open = false
	case key.Matches(km, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(km, p.keys.Down):
		p.cursor = min(p.cursor+1, len(p.items)-1)
	case key.Matches(km, p.keys.Choose):
		return p.choose(p.cursor)
	case key.Matches(km, p.keys.Pick):
		return p.choose(slices.Index(p.keys.Pick.Keys(), km.String()))
	}
	return p, nil
}

func (p Model) choose(i int) (Model, tea.Cmd) {
	if i < 0 || i >= len(p.items) {
		return p, nil
	}
	p.open = false
	term := p.items[i].Term
	if p.exclude {
		term = query.Not(term)
	}
	p.chosen = &term
	return p, nil
}

// TakeChoice returns the term of the item the last key chose, if any, and
// the menu without it. The root applies it at once, so that a key arriving
// in the same read acts on the new filter.
func (p Model) TakeChoice() (Model, string, bool) {
	if p.chosen == nil {
		return p, "", false
	}
	term := *p.chosen
	p.chosen = nil
	return p, term, true
}

// View draws the menu lines.
func (p Model) View() string {
	if !p.open {
		return ""
	}
	keys := "  (" + theme.Hint(p.keys.ShortHelp()...) + ")"
	title := "filter on this row's…" + keys
	if p.exclude {
		title = "exclude rows with this row's…" + keys
	}
	var lines []string
	if p.Height() > 1 {
		lines = append(lines, p.styles.DialogTitle.Render(theme.Fit(title, p.width)))
	}
	from, to := p.itemWindow()
	labelW := p.labelWidth()
	for i := from; i < to; i++ {
		it := p.items[i]
		line := " " + strconv.Itoa(i+1) + "  " + theme.Fit(it.Label, labelW) + " " + theme.Clean(it.Term)
		if i == p.cursor {
			lines = append(lines, p.styles.ChoiceActive.Render(theme.Fit(line, p.width)))
		} else {
			lines = append(lines, theme.Fit(line, p.width))
		}
	}
	return strings.Join(lines, "\n")
}

// minLabelWidth is the label column's width on a narrow terminal; a wider
// one gives a label up to half its width, so that a value is read whole
// beside its term.
const minLabelWidth = 22

// labelWidth is the label column's width: the widest label, within
// minLabelWidth and half the menu's width.
func (p Model) labelWidth() int {
	w := minLabelWidth
	for _, it := range p.items {
		w = max(w, theme.CellWidth(it.Label))
	}
	return min(w, max(minLabelWidth, p.width/2))
}

// Items returns the items the menu shows.
func (p Model) Items() []Item { return p.items }
