package triageview

import (
	"charm.land/bubbles/v2/key"

	"connlog/ui/theme"
)

// KeyMap holds the bindings the triage views answer to; their hints are
// drawn from them. The root builds it from its own bindings so that the
// views move like the table.
type KeyMap struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	// Choose pivots the filter to the row under the cursor; Mute mutes or
	// un-mutes a template; Close goes back to the table.
	Choose, Mute, Close key.Binding
}

// DefaultKeyMap returns the bindings the root gives the views by default:
// the table's movement keys, enter, m and esc.
func DefaultKeyMap() KeyMap {
	bind := theme.Bind
	return KeyMap{
		Up: bind("up", "k", "up"), Down: bind("down", "j", "down"),
		PageUp: bind("page up", "pgup", "ctrl+b"), PageDown: bind("page down", "pgdown", "ctrl+f"),
		HalfUp: bind("half page up", "ctrl+u"), HalfDown: bind("half page down", "ctrl+d"),
		Top: bind("first row", "g", "home"), Bottom: bind("last row", "G", "end"),
		Choose: bind("choose", "enter"), Mute: bind("templates: mute/un-mute", "m"),
		Close: bind("close", "esc"),
	}
}
