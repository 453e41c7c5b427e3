package filterbar

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// KeyMap holds the keys understood while the bar is open. The editing keys
// are the line editor's.
type KeyMap struct {
	Apply, Cancel, HistPrev, HistNext, SearchMode key.Binding

	// Edit holds the line editor's keys.
	Edit EditKeyMap
}

// EditKeyMap holds the line-editing keys of every prompt: readline habits,
// with word motions over space-separated words. No binding uses alt with a
// letter (readline's alt+b, alt+f, alt+d): a terminal sends it as esc and the
// letter, which the interface reads as esc then the letter, so that esc
// typed quickly before a key is never lost.
type EditKeyMap struct {
	Left, Right, WordLeft, WordRight, Home, End                          key.Binding
	Backspace, Delete, DeleteWord, DeleteWordForward, KillEnd, KillStart key.Binding
}

// DefaultKeyMap returns the bar's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Apply: theme.Bind("apply", "enter"), Cancel: theme.Bind("bar: restore filter", "esc"),
		HistPrev: theme.Bind("bar: older query", "up"), HistNext: theme.Bind("bar: newer query", "down"),
		SearchMode: theme.Bind("bar: filter ⇄ search", "ctrl+s"),
		Edit:       DefaultEditKeyMap(),
	}
}

// DefaultEditKeyMap returns the line editor's bindings.
func DefaultEditKeyMap() EditKeyMap {
	return EditKeyMap{
		Left: theme.Bind("character left", "left", "ctrl+b"), Right: theme.Bind("character right", "right", "ctrl+f"),
		WordLeft:  theme.Bind("word left", "ctrl+left", "alt+left"),
		WordRight: theme.Bind("word right", "ctrl+right", "alt+right"),
		Home:      theme.Bind("start of line", "home", "ctrl+a"), End: theme.Bind("end of line", "end", "ctrl+e"),
		Backspace: theme.Bind("delete left", "backspace", "ctrl+h"), Delete: theme.Bind("delete right", "delete", "ctrl+d"),
		DeleteWord:        theme.Bind("delete word left", "ctrl+w", "alt+backspace"),
		DeleteWordForward: theme.Bind("delete word right", "alt+delete", "ctrl+delete"),
		KillEnd:           theme.Bind("delete to end", "ctrl+k"), KillStart: theme.Bind("delete to start", "ctrl+u"),
	}
}

// UsesAlt reports whether a binding of the editor is msg with its alt:
// the word motions and deletions. Any other alt key is an ESC read
// together with the key after it (see the ui package's splitBurst).
func (k EditKeyMap) UsesAlt(msg tea.KeyPressMsg) bool {
	return msg.Mod.Contains(tea.ModAlt) && key.Matches(msg, k.WordLeft, k.WordRight, k.DeleteWord, k.DeleteWordForward)
}

// Deletes reports whether msg is one of the editor's deletions: pressed on
// an empty field too, it says the user takes the field over.
func (k EditKeyMap) Deletes(msg tea.Msg) bool {
	km, ok := msg.(tea.KeyPressMsg)
	return ok && key.Matches(km, k.Backspace, k.Delete, k.DeleteWord, k.DeleteWordForward, k.KillEnd, k.KillStart)
}

// ShortHelp is the hint line under the bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Apply, k.Cancel, k.SearchMode, k.HistPrev, k.HistNext}
}

// FullHelp is every binding of the bar, the editor's included.
func (k KeyMap) FullHelp() [][]key.Binding {
	e := k.Edit
	return [][]key.Binding{k.ShortHelp(), {e.Left, e.Right, e.WordLeft, e.WordRight, e.Home, e.End,
		e.Backspace, e.Delete, e.DeleteWord, e.DeleteWordForward, e.KillEnd, e.KillStart}}
}
