package ui

import (
	"charm.land/bubbles/v2/key"

	"connlog/ui/theme"
)

// hint renders in-context key hints from bindings (see theme.Hint).
func hint(bs ...key.Binding) string { return theme.Hint(bs...) }

// keyOf is a binding's keys as hints show them (see theme.KeyOf).
func keyOf(b key.Binding) string { return theme.KeyOf(b) }

// keysOf lists the keys of several bindings (see theme.KeysOf).
func keysOf(bs ...key.Binding) string { return theme.KeysOf(bs...) }
