package table

import "charm.land/bubbles/v2/key"

// KeyMap holds the keys of the table: the moves of the cursor and the
// sideways scroll of the columns.
type KeyMap struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	Left, Right                                               key.Binding
}

// Bindings gives the table its keys. The table asks each time a key
// arrives, so that it obeys the interface's KeyMap as it is bound then.
type Bindings interface {
	TableKeys() KeyMap
}

// ShortHelp is the table's moves.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Left, k.Right} }

// FullHelp is every key of the table.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom, k.Left, k.Right}}
}
