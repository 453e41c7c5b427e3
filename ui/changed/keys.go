package changed

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// KeyMap holds the view's bindings; the hint line is drawn from them.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	// Choose pivots the filter to the row under the cursor; Windows asks for
	// two other windows; Close goes back to the table.
	Choose, Windows, Close key.Binding
}

// DefaultKeyMap returns the bindings, the same movement keys as the table.
func DefaultKeyMap() KeyMap {
	bind := func(help, label string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, help))
	}
	return KeyMap{
		Up: bind("up", "k/↑", "k", "up"), Down: bind("down", "j/↓", "j", "down"),
		PageUp: bind("page up", "pgup", "pgup", "ctrl+b", "ctrl+u"), PageDown: bind("page down", "pgdown", "pgdown", "ctrl+f", "ctrl+d"),
		Top: bind("first row", "g", "g", "home"), Bottom: bind("last row", "G", "G", "end"),
		Choose: bind("filter on row", "enter", "enter"), Windows: bind("other windows", "w", "w"),
		Close: bind("close", "esc", "esc"),
	}
}

// ShortHelp lists the keys for the hint line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Choose, k.Windows, k.Close}
}

// FullHelp lists every binding, grouped.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Choose, k.Windows, k.Close}}
}

// moveOf is the movement of the cursor a key asks for: theme.NoMove for a
// key that is not a movement.
func (k KeyMap) moveOf(km tea.KeyPressMsg) theme.ListMove {
	moves := []struct {
		b    key.Binding
		move theme.ListMove
	}{{k.Up, theme.MoveUp}, {k.Down, theme.MoveDown}, {k.PageUp, theme.MovePageUp},
		{k.PageDown, theme.MovePageDown}, {k.Top, theme.MoveTop}, {k.Bottom, theme.MoveBottom}}
	for _, mv := range moves {
		if key.Matches(km, mv.b) {
			return mv.move
		}
	}
	return theme.NoMove
}
