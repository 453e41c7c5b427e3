package pivot

import (
	"charm.land/bubbles/v2/key"

	"connlog/ui/theme"
)

// KeyMap holds the keys of the menu. Up and Down move in it; the
// interface's KeyMap sets them to its own.
type KeyMap struct {
	Up, Down, Choose, Pick, Close key.Binding
}

// DefaultKeyMap returns the menu's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up: theme.Bind("up", "k", "up"), Down: theme.Bind("down", "j", "down"),
		Choose: theme.Bind("choose", "enter"),
		Pick: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
			key.WithHelp("1-9", "choose by number")),
		Close: theme.Bind("close", "esc"),
	}
}

// ShortHelp is the hint in the menu's title.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Choose, k.Pick, k.Close} }

// FullHelp is every key of the menu.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Choose, k.Pick, k.Close}}
}
