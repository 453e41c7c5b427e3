package ui

import "connlog/ui/table"

// TableKeys are the table's keys: the cursor's moves and the sideways
// scroll of the columns.
func (k KeyMap) TableKeys() table.KeyMap {
	return table.KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, HalfUp: k.HalfUp,
		HalfDown: k.HalfDown, Top: k.Top, Bottom: k.Bottom, Left: k.Left, Right: k.Right}
}
