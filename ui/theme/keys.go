package theme

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// Bind is a binding whose help shows its keys the way a user types them
// ("↑/k"), so that every component's KeyMap labels its keys alike.
func Bind(help string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(KeysLabel(keys), help))
}

// KeysLabel shows key names the way a user types them: arrows as arrows,
// several keys joined with "/".
func KeysLabel(keys []string) string {
	arrows := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→"}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if a, ok := arrows[k]; ok {
			k = a
		}
		out = append(out, k)
	}
	return strings.Join(out, "/")
}

// Hint renders in-context key hints from bindings — "enter apply · esc
// restore filter" — so that a key rebound in a KeyMap is shown as it is.
// The "bar: " prefix that groups the bar's keys on the help screen is
// dropped: in the bar it goes without saying.
func Hint(bs ...key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		h := b.Help()
		parts = append(parts, h.Key+" "+strings.TrimPrefix(h.Desc, "bar: "))
	}
	return strings.Join(parts, hintSeparatorDot)
}

// KeyOf is a binding's keys as hints show them: "enter", "←/h".
func KeyOf(b key.Binding) string { return b.Help().Key }

// KeysOf lists the keys of several bindings the way hints show them:
// "?/esc".
func KeysOf(bs ...key.Binding) string {
	ks := make([]string, 0, len(bs))
	for _, b := range bs {
		ks = append(ks, KeyOf(b))
	}
	return strings.Join(ks, "/")
}
