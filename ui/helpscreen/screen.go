package helpscreen

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/ui/theme"
)

// Bindings is what the screen documents and obeys. It is read each time
// the screen is drawn, so that a key rebound in the interface's KeyMap shows
// at once.
type Bindings interface {
	// FullHelp is every binding of the interface, in groups.
	FullHelp() [][]key.Binding
	// HelpGroups are the titles of FullHelp's groups, in the same order.
	HelpGroups() []string
	// HelpNote is the prose under the groups: what the bindings alone
	// cannot show.
	HelpNote() string
	// HelpKeys are the screen's own keys.
	HelpKeys() KeyMap
}

// KeyMap holds the keys of the help screen: the moves that scroll it, and
// the keys its title names.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	// Scroll, Toggle and Close are named in the title: the scroll keys,
	// the key that opened the screen and the one that closes it.
	Scroll, Toggle, Close key.Binding
}

// Model lists every binding of the interface, grouped, rendered by
// bubbles/help, with a scroll offset for short terminals.
type Model struct {
	keys   Bindings
	styles *theme.Styles
	help   help.Model
	width  int
	height int
	offset int
	inputs []string // the inputs with their states, listed above the keys
}

// New returns the help screen over the interface's bindings.
func New(keys Bindings, styles *theme.Styles) Model {
	h := styles.HelpModel()
	h.ShowAll = true
	return Model{keys: keys, styles: styles, help: h}
}

// SetSize sets the screen's size.
func (h *Model) SetSize(w, hgt int) {
	h.width, h.height = w, hgt
	h.help.SetWidth(w)
}

// WithInputs returns the screen listing the inputs, one line each (a name
// and its state or error, made inert by the caller), above the keys:
// the status line has room only to count the failed ones.
func (h Model) WithInputs(lines []string) Model {
	h.inputs = lines
	return h
}

// Update scrolls the screen, never past its last line: a key pressed
// too often down must not make the next one up seem to do nothing.
func (h Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return h, nil
	}
	k, page := h.keys.HelpKeys(), max(h.height-1, 1)
	switch {
	case key.Matches(km, k.Down):
		h.offset++
	case key.Matches(km, k.PageDown):
		h.offset += page
	case key.Matches(km, k.Up):
		h.offset--
	case key.Matches(km, k.PageUp):
		h.offset -= page
	case key.Matches(km, k.Top):
		h.offset = 0
	case key.Matches(km, k.Bottom):
		h.offset = len(h.lines())
	}
	h.offset = max(min(h.offset, h.lastOffset()), 0)
	return h, nil
}

// lastOffset is the offset that shows the last line at the bottom.
func (h Model) lastOffset() int { return max(len(h.lines())-h.height, 0) }

// View shows the lines from the offset, the last row saying when more
// are below.
func (h Model) View() string {
	k := h.keys.HelpKeys()
	lines := h.lines()
	off := min(h.offset, h.lastOffset())
	lines = lines[off:]
	if len(lines) > h.height && h.height > 1 {
		// The last row says that keys are below, rather than cut them
		// with nothing to show it.
		lines = append(lines[:h.height-1:h.height-1], h.styles.Notice.Render("▼ more below ("+theme.KeyOf(k.Down)+")"))
	}
	for i := range lines {
		lines[i] = theme.PadStyled(lines[i], h.width)
	}
	for len(lines) < h.height {
		lines = append(lines, strings.Repeat(" ", h.width))
	}
	return strings.Join(lines[:h.height], "\n")
}

// lines lays the groups out in as many columns as fit, under the title
// and the inputs, above the note.
func (h Model) lines() []string {
	groups, titles, k := h.keys.FullHelp(), h.keys.HelpGroups(), h.keys.HelpKeys()
	cols := make([]string, len(groups))
	colW := 0
	for i, g := range groups {
		cols[i] = h.styles.HelpTitle.Render(titles[i]) + "\n" + h.help.FullHelpView([][]key.Binding{g})
		colW = max(colW, lipgloss.Width(cols[i]))
	}
	perRow := max(1, (h.width+2)/(colW+3))
	var rows []string
	for i := 0; i < len(cols); i += perRow {
		row := make([]string, 0, perRow*2)
		for j := i; j < min(i+perRow, len(cols)); j++ {
			if j > i {
				row = append(row, "   ")
			}
			row = append(row, padBlock(cols[j], colW))
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	body := h.styles.Title.Render("connlog — keys") + "   " + h.styles.Dim.Render("("+theme.Hint(k.Scroll)+" · "+theme.KeysOf(k.Toggle, k.Close)+" close)") + "\n\n" +
		h.inputsBlock() + strings.Join(rows, "\n\n") + "\n\n" + ansi.Wrap(h.keys.HelpNote(), max(h.width, 20), "")
	return strings.Split(body, "\n")
}

// inputsBlock lists the inputs, each wrapped whole to the width; "" when
// there is none to list.
func (h Model) inputsBlock() string {
	if len(h.inputs) == 0 {
		return ""
	}
	lines := []string{h.styles.HelpTitle.Render("Inputs")}
	for _, l := range h.inputs {
		lines = append(lines, ansi.Wrap(l, max(h.width, 20), ""))
	}
	return strings.Join(lines, "\n") + "\n\n"
}

// padBlock pads every line of a block to w cells, so blocks join in columns.
func padBlock(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = theme.PadStyled(lines[i], w)
	}
	return strings.Join(lines, "\n")
}

// ShortHelp is the hint in the screen's title.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Scroll, k.Toggle, k.Close} }

// FullHelp is every key of the screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Toggle, k.Close}}
}

// Offset is how many lines the screen is scrolled by.
func (h Model) Offset() int { return h.offset }
