package exportdialog

import (
	"charm.land/bubbles/v2/key"

	"connlog/ui/filterbar"
	"connlog/ui/theme"
)

// KeyMap holds the keys of the export dialog, and the keys of the views
// behind it that its help names (how to select a range, mark rows or
// un-mute a template); the interface's KeyMap sets those to its own.
type KeyMap struct {
	NextField, PrevField, Left, Right, Toggle, Complete, Write, Cancel key.Binding

	// MoreUp and MoreDown scroll a message taller than the dialog by a
	// line, once it alone is on the screen (an error, the question before
	// replacing a file); while choosing, those keys move between the fields
	// and PageUp and PageDown scroll it a page, as they do in every state.
	MoreUp, MoreDown, PageUp, PageDown key.Binding

	// Edit holds the editing keys of the text fields: the times and the
	// path.
	Edit filterbar.EditKeyMap

	// Visual, Mark, Templates and Mute are named in the dialog's help, not
	// handled by it.
	Visual, Mark, Templates, Mute key.Binding
}

// DefaultKeyMap returns the dialog's bindings; the keys it only names are
// left for the caller to set.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextField: theme.Bind("next field", "down", "ctrl+n"), PrevField: theme.Bind("previous field", "up", "ctrl+p"),
		Left: theme.Bind("previous choice", "left"), Right: theme.Bind("next choice", "right"),
		Toggle: theme.Bind("toggle", "space"), Complete: theme.Bind("complete directory", "tab"),
		Write: theme.Bind("write / confirm", "enter"), Cancel: theme.Bind("cancel", "esc"),
		MoreUp: theme.Bind("scroll a long message up", "up"), MoreDown: theme.Bind("scroll a long message down", "down"),
		PageUp: theme.Bind("scroll a long message up a page", "pgup"), PageDown: theme.Bind("scroll a long message down a page", "pgdown"),
		Edit: filterbar.DefaultEditKeyMap(),
	}
}

// ShortHelp is the hint line of the dialog while choosing.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Write, k.Cancel, k.NextField, k.Right}
}

// FullHelp is every key the dialog handles.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.NextField, k.PrevField, k.Left, k.Right, k.Toggle, k.Complete, k.Write, k.Cancel, k.MoreUp, k.MoreDown,
		k.PageUp, k.PageDown}}
}
