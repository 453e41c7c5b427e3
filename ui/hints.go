package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// hint renders in-context key hints from bindings — "enter apply · esc
// restore filter" — so that a key rebound in the KeyMap is shown as it is.
// The "bar: " prefix that groups the bar's keys on the help screen is
// dropped: in the bar it goes without saying.
func hint(bs ...key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		h := b.Help()
		parts = append(parts, h.Key+" "+strings.TrimPrefix(h.Desc, "bar: "))
	}
	return strings.Join(parts, " · ")
}

// keyOf is a binding's keys as hints show them: "enter", "←/h".
func keyOf(b key.Binding) string { return b.Help().Key }

// keysOf lists the keys of several bindings the way hints show them:
// "?/esc".
func keysOf(bs ...key.Binding) string {
	ks := make([]string, 0, len(bs))
	for _, b := range bs {
		ks = append(ks, keyOf(b))
	}
	return strings.Join(ks, "/")
}
