package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/ui/theme"
)

// searchHelp explains what the bindings alone cannot show, naming the keys
// as the KeyMap binds them.
func searchHelp(k *KeyMap) string {
	return keyOf(k.Filter) + " filters: only matching rows stay, as you type. Inside the bar, " + keyOf(k.Bar.SearchMode) +
		" switches to search: the rows stay, matches are highlighted, and " + keyOf(k.NextMatch) + "/" + keyOf(k.PrevMatch) +
		" jump to the next/previous match. " + keyOf(k.Pivot) + " and " + keyOf(k.Exclude) +
		" build filters from the selected row; " + keyOf(k.Conn) + " shows its whole connection. " +
		keyOf(k.GotoTime) + " takes 14:05, 2026-11-20 14:05:00 or -10m. " + keyOf(k.Copy) +
		" sends the raw line to the terminal's clipboard with OSC 52 (inside tmux: set-clipboard on or external). " +
		keyOf(k.Cancel) + " closes the detail pane; pressed again it clears the selection, then the search, then the filter. " +
		keyOf(k.Pair) + " goes to the paired event; when the filter hides it, the detail pane shows it and " + keyOf(k.Pair) +
		" again clears the filter and goes there. " + keyOf(k.Changed) +
		" compares the selected span (or the last 15 minutes) with the same length just before it."
}

// HelpScreen lists every binding of the KeyMap, grouped, rendered by
// bubbles/help, with a scroll offset for short terminals.
type HelpScreen struct {
	keys   *KeyMap
	styles *theme.Styles
	help   help.Model
	width  int
	height int
	offset int
}

// NewHelpScreen returns the help screen.
func NewHelpScreen(keys *KeyMap, styles *theme.Styles) HelpScreen {
	h := styles.HelpModel()
	h.ShowAll = true
	return HelpScreen{keys: keys, styles: styles, help: h}
}

// SetSize sets the screen's size.
func (h *HelpScreen) SetSize(w, hgt int) {
	h.width, h.height = w, hgt
	h.help.SetWidth(w)
}

// Update scrolls the screen.
func (h HelpScreen) Update(msg tea.Msg) (HelpScreen, tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, h.keys.Down), key.Matches(km, h.keys.PageDown):
			h.offset++
		case key.Matches(km, h.keys.Up), key.Matches(km, h.keys.PageUp):
			h.offset = max(h.offset-1, 0)
		}
	}
	return h, nil
}

// View lays the groups out in as many columns as fit.
func (h HelpScreen) View() string {
	groups := h.keys.FullHelp()
	cols := make([]string, len(groups))
	colW := 0
	for i, g := range groups {
		cols[i] = h.styles.HelpTitle.Render(helpGroupTitles[i]) + "\n" + h.help.FullHelpView([][]key.Binding{g})
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
	body := h.styles.Title.Render("connlog — keys") + "   " + h.styles.Dim.Render("("+hint(h.keys.Menu.Scroll)+" · "+keysOf(h.keys.Help, h.keys.Menu.Close)+" close)") + "\n\n" +
		strings.Join(rows, "\n\n") + "\n\n" + ansi.Wrap(searchHelp(h.keys), max(h.width, 20), "")
	lines := strings.Split(body, "\n")
	off := min(h.offset, max(len(lines)-h.height, 0))
	lines = lines[off:]
	for i := range lines {
		lines[i] = theme.PadStyled(lines[i], h.width)
	}
	for len(lines) < h.height {
		lines = append(lines, strings.Repeat(" ", h.width))
	}
	return strings.Join(lines[:h.height], "\n")
}

// padBlock pads every line of a block to w cells, so blocks join in columns.
func padBlock(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = theme.PadStyled(lines[i], w)
	}
	return strings.Join(lines, "\n")
}
