package detail

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"connlog/model/query"
	"connlog/ui/theme"
)

// Model is the detail pane: the selected entry as a card, scrollable in a
// viewport of its own. The entry is loaded in a tea.Cmd, and the card is
// built in another, off the Update loop, when it arrives and again when
// the width or the zone changes; each build has a generation number, and
// the result of a build overtaken by a newer one is dropped.
type Model struct {
	keys     Bindings
	styles   *theme.Styles
	vp       viewport.Model
	width    int
	height   int
	focused  bool
	seq      int64 // the entry shown or being loaded; 0 for none
	input    *Input
	loading  bool
	gen      int  // of the latest card build asked for
	building bool // a card build is under way
	stale    bool // the width changed since the card was built
	keepTop  bool // the next card keeps the scroll position (same entry)
}

// cardMsg is a card built for the detail pane.
type cardMsg struct {
	gen  int
	text string
}

// New returns an empty detail pane.
func New(keys Bindings, styles *theme.Styles) Model {
	return Model{keys: keys, styles: styles, vp: viewport.New()}
}

// SetSize sets the pane's outer size; the title takes one line. A new
// width makes the card stale: Refresh rebuilds it.
func (d *Model) SetSize(w, h int) {
	d.stale = d.stale || max(w, 0) != d.width
	d.width, d.height = max(w, 0), max(h, 0)
	d.vp.SetWidth(d.width)
	d.vp.SetHeight(max(d.height-1, 0))
}

// Refresh rebuilds the card when the width changed since it was built.
func (d Model) Refresh() (Model, tea.Cmd) {
	if !d.stale {
		return d, nil
	}
	d.keepTop = true
	return d.rebuild()
}

// Loading marks the pane as waiting for entry seq.
func (d Model) Loading(seq int64) Model {
	d.seq, d.loading = seq, true
	return d
}

// Clear leaves the pane with no entry (the view is empty): a load or a
// card build still under way for the entry shown before is dropped when
// it arrives.
func (d Model) Clear() Model {
	d.seq, d.input, d.loading = 0, nil, false
	d, _ = d.rebuild()
	return d
}

// SetEntry shows an entry, its card built by the returned Cmd; the scroll
// position is kept when it is the same entry again (a refresh), reset
// otherwise.
func (d Model) SetEntry(in Input) (Model, tea.Cmd) {
	d.keepTop = d.input != nil && d.input.Entry.Seq == in.Entry.Seq
	d.input, d.seq, d.loading = &in, in.Entry.Seq, false
	return d.rebuild()
}

// SetLocation rebuilds the card with times in loc.
func (d Model) SetLocation(loc *time.Location) (Model, tea.Cmd) {
	if d.input == nil {
		return d, nil
	}
	in := *d.input
	in.Location = loc
	d.input, d.keepTop = &in, true
	return d.rebuild()
}

// SetHighlight rebuilds the card with what the filter and the search
// mark now (see Input.Terms and Input.Queries), when they changed since it
// was built: a search typed, or a filter applied, while the entry stays
// the same. The scroll position is kept.
func (d Model) SetHighlight(terms []query.Finder, queries []*query.Query) (Model, tea.Cmd) {
	if d.input == nil || slices.Equal(d.input.Queries, queries) {
		return d, nil
	}
	in := *d.input
	in.Terms, in.Queries = terms, queries
	d.input, d.keepTop = &in, true
	return d.rebuild()
}

// setCard shows a built card, unless a newer build was asked for since.
func (d Model) setCard(msg cardMsg) Model {
	if msg.gen != d.gen {
		return d
	}
	d.building = false
	d.vp.SetContent(msg.text)
	if !d.keepTop {
		d.vp.GotoTop()
	}
	return d
}

// SetFocused says whether the pane has the keyboard: its title is drawn
// brighter then.
func (d *Model) SetFocused(f bool) { d.focused = f }

// Input returns what the card shown was built from, nil for none.
func (d Model) Input() *Input { return d.input }

// YOffset is how many lines the card is scrolled by.
func (d Model) YOffset() int { return d.vp.YOffset() }

// Seq returns the entry shown, 0 for none.
func (d Model) Seq() int64 { return d.seq }

// rebuild asks for the card of the entry at the current width, in a Cmd
// that captures copies of what it reads.
func (d Model) rebuild() (Model, tea.Cmd) {
	d.gen++
	d.stale = false
	if d.input == nil || d.width <= 0 {
		d.building = false
		d.vp.SetContent("")
		return d, nil
	}
	d.building = true
	gen, st, w, in := d.gen, d.styles, d.width-1, *d.input
	return d, func() tea.Msg { return cardMsg{gen: gen, text: BuildCard(st, w, in)} }
}

// Update shows the cards its Cmds built, and scrolls the pane with the
// movement keys (the root sends them when the pane has the focus).
func (d Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if c, ok := msg.(cardMsg); ok {
		return d.setCard(c), nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	k := d.keys.DetailKeys()
	switch {
	case key.Matches(km, k.Up):
		d.vp.ScrollUp(1)
	case key.Matches(km, k.Down):
		d.vp.ScrollDown(1)
	case key.Matches(km, k.PageUp):
		d.vp.PageUp()
	case key.Matches(km, k.PageDown):
		d.vp.PageDown()
	case key.Matches(km, k.HalfUp):
		d.vp.HalfPageUp()
	case key.Matches(km, k.HalfDown):
		d.vp.HalfPageDown()
	case key.Matches(km, k.Top):
		d.vp.GotoTop()
	case key.Matches(km, k.Bottom):
		d.vp.GotoBottom()
	}
	return d, nil
}

// View draws the title line and the visible part of the card.
func (d Model) View() string {
	if d.width <= 0 || d.height <= 0 {
		return ""
	}
	title := "─ detail "
	switch {
	case d.loading || d.building:
		title += "(loading…) "
	case d.input == nil:
		title += "(no entry) "
	default:
		k := d.keys.DetailKeys()
		title += "· " + theme.Hint(k.ShortHelp()...) + " "
	}
	style := d.styles.Dim
	if d.focused {
		style = d.styles.Title
	}
	head := style.Render(theme.RuleLine(title, d.width))
	body := d.vp.View()
	if d.input == nil {
		body = ""
	}
	lines := strings.Split(body, "\n")
	for i := range lines {
		lines[i] = theme.PadStyled(lines[i], d.width)
	}
	for len(lines) < d.height-1 {
		lines = append(lines, strings.Repeat(" ", d.width))
	}
	return head + "\n" + strings.Join(lines[:d.height-1], "\n")
}
