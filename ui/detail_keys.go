package ui

import "connlog/ui/detail"

// DetailKeys are the detail pane's keys: the moves scroll it when it has
// the focus; its title names the focus and paired-event keys.
func (k KeyMap) DetailKeys() detail.KeyMap {
	return detail.KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, HalfUp: k.HalfUp,
		HalfDown: k.HalfDown, Top: k.Top, Bottom: k.Bottom, Focus: k.Focus, Pair: k.Pair}
}
