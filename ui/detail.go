package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// Detail is the detail pane: the selected entry as a card, scrollable in a
// viewport of its own. The entry is loaded in a tea.Cmd, and the card is
// built in another, off the Update loop, when it arrives and again when
// the width or the zone changes; each build has a generation number, and
// the result of a build overtaken by a newer one is dropped.
type Detail struct {
	keys     *KeyMap
	styles   *theme.Styles
	vp       viewport.Model
	width    int
	height   int
	focused  bool
	seq      int64 // the entry shown or being loaded; 0 for none
	input    *cardInput
	loading  bool
	gen      int  // of the latest card build asked for
	building bool // a card build is under way
	stale    bool // the width changed since the card was built
	keepTop  bool // the next card keeps the scroll position (same entry)
}

// detailCardMsg is a card built for the detail pane.
type detailCardMsg struct {
	gen  int
	text string
}

// NewDetail returns an empty detail pane.
func NewDetail(keys *KeyMap, styles *theme.Styles) Detail {
	return Detail{keys: keys, styles: styles, vp: viewport.New()}
}

// SetSize sets the pane's outer size; the title takes one line. A new
// width makes the card stale: Refresh rebuilds it.
func (d *Detail) SetSize(w, h int) {
	d.stale = d.stale || max(w, 0) != d.width
	d.width, d.height = max(w, 0), max(h, 0)
	d.vp.SetWidth(d.width)
	d.vp.SetHeight(max(d.height-1, 0))
}

// Refresh rebuilds the card when the width changed since it was built.
func (d Detail) Refresh() (Detail, tea.Cmd) {
	if !d.stale {
		return d, nil
	}
	d.keepTop = true
	return d.rebuild()
}

// Loading marks the pane as waiting for entry seq.
func (d Detail) Loading(seq int64) Detail {
	d.seq, d.loading = seq, true
	return d
}

// SetEntry shows an entry, its card built by the returned Cmd; the scroll
// position is kept when it is the same entry again (a refresh), reset
// otherwise.
func (d Detail) SetEntry(in cardInput) (Detail, tea.Cmd) {
	d.keepTop = d.input != nil && d.input.e.Seq == in.e.Seq
	d.input, d.seq, d.loading = &in, in.e.Seq, false
	return d.rebuild()
}

// SetLocation rebuilds the card with times in loc.
func (d Detail) SetLocation(loc *time.Location) (Detail, tea.Cmd) {
	if d.input == nil {
		return d, nil
	}
	in := *d.input
	in.loc = loc
	d.input, d.keepTop = &in, true
	return d.rebuild()
}

// SetCard shows a built card, unless a newer build was asked for since.
func (d Detail) SetCard(msg detailCardMsg) Detail {
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

// Seq returns the entry shown, 0 for none.
func (d Detail) Seq() int64 { return d.seq }

// rebuild asks for the card of the entry at the current width, in a Cmd
// that captures copies of what it reads.
func (d Detail) rebuild() (Detail, tea.Cmd) {
	d.gen++
	d.stale = false
	if d.input == nil || d.width <= 0 {
		d.building = false
		d.vp.SetContent("")
		return d, nil
	}
	d.building = true
	gen, st, w, in := d.gen, d.styles, d.width-1, *d.input
	return d, func() tea.Msg { return detailCardMsg{gen: gen, text: buildCard(st, w, in)} }
}

// Update scrolls the pane with the movement keys when it has the focus.
func (d Detail) Update(msg tea.Msg) (Detail, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	k := d.keys
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
func (d Detail) View() string {
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
		title += "· " + hint(d.keys.Focus, d.keys.Pair) + " "
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
