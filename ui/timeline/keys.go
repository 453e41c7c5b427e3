package timeline

import "charm.land/bubbles/v2/key"

// KeyMap holds the strip's bindings. Toggle is matched by the root (it
// opens the strip from the table); the others act while the strip has the
// focus.
type KeyMap struct {
	Toggle, Left, Right, First, Last, ZoomIn, ZoomOut, Select, Apply, Cancel key.Binding
}

// DefaultKeyMap returns the strip's bindings: the arrows and h/l move, as
// they scroll the table's columns elsewhere; + and - zoom; v selects a span
// as it selects rows in the table.
func DefaultKeyMap() KeyMap {
	bind := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label(keys), help))
	}
	return KeyMap{
		Toggle: bind("show/focus/hide strip", "T"),
		Left:   bind("earlier bucket", "left", "h"),
		Right:  bind("later bucket", "right", "l"),
		First:  bind("first bucket", "home", "g"),
		Last:   bind("last bucket", "end", "G"),
		ZoomIn: bind("zoom in", "+", "z"), ZoomOut: bind("zoom out", "-", "Z"),
		Select: bind("start/end a span", "v"),
		Apply:  bind("filter to the span", "enter"),
		Cancel: bind("clear span, leave", "esc"),
	}
}

// label shows keys the way a user types them.
func label(keys []string) string {
	arrows := map[string]string{"left": "←", "right": "→"}
	out := ""
	for i, k := range keys {
		if i > 0 {
			out += "/"
		}
		if a, ok := arrows[k]; ok {
			k = a
		}
		out += k
	}
	return out
}

// ShortHelp is the hint line while the strip has the focus.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Left, k.Right, k.ZoomIn, k.ZoomOut, k.Select, k.Apply, k.Cancel, k.Toggle}
}

// FullHelp lists every binding, for the help screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Toggle, k.Left, k.Right, k.First, k.Last, k.ZoomIn, k.ZoomOut, k.Select, k.Apply, k.Cancel}}
}

// active are the bindings that act while the strip has the focus.
func (k KeyMap) active() []key.Binding {
	return []key.Binding{k.Left, k.Right, k.First, k.Last, k.ZoomIn, k.ZoomOut, k.Select, k.Apply, k.Cancel}
}
