package detail

import "charm.land/bubbles/v2/key"

// KeyMap holds the keys of the detail pane: the moves that scroll it, and
// the keys its title names (focus, paired event), which the root handles.
type KeyMap struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	Focus, Pair                                               key.Binding
}

// Bindings gives the pane its keys. The pane asks each time it uses them,
// so that its hints name the keys that act, as the interface's KeyMap
// binds them at that moment.
type Bindings interface {
	DetailKeys() KeyMap
}

// ShortHelp is the hint in the pane's title.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Focus, k.Pair} }

// FullHelp is every key of the pane.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}, k.ShortHelp()}
}
