package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"

	"connlog/ui/helpscreen"
)

// HelpGroups name FullHelp's groups on the help screen, in the same order.
func (k KeyMap) HelpGroups() []string { return helpGroupTitles }

// HelpKeys are the help screen's keys: the moves scroll it, ? opens and
// closes it.
func (k KeyMap) HelpKeys() helpscreen.KeyMap {
	return helpscreen.KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom,
		Scroll: k.Menu.Scroll, Toggle: k.Help, Close: k.helpCloseKeys()}
}

// helpCloseKeys are the keys besides ? that close the help screen, for its
// title to name: esc, and quit's own keys (q), which close it rather than
// quit from it; the force-quit keys (ctrl+c) quit from anywhere, so they
// are not among them.
func (k KeyMap) helpCloseKeys() key.Binding {
	keys := slices.Clone(k.Menu.Close.Keys())
	for _, q := range k.Quit.Keys() {
		if !slices.Contains(keys, q) && !slices.Contains(k.ForceQuit.Keys(), q) {
			keys = append(keys, q)
		}
	}
	return bind("close", keys...)
}

// HelpNote explains on the help screen what the bindings alone cannot
// show, naming the keys as the KeyMap binds them.
func (k KeyMap) HelpNote() string {
	return keyOf(k.Filter) + " filters: only matching rows stay, as you type. Inside the bar, " + keyOf(k.Bar.SearchMode) +
		" switches to search (from the search in force; a query typed goes along): the rows stay, matches are highlighted, and " + keyOf(k.NextMatch) + "/" + keyOf(k.PrevMatch) +
		" jump to the next/previous match. " + keyOf(k.Pivot) + " and " + keyOf(k.Exclude) +
		" build filters from the selected row; " + keyOf(k.Conn) + " shows its whole connection. " +
		keyOf(k.GotoTime) + " takes 14:05, 2026-11-20 14:05:00 or -10m. " + keyOf(k.Copy) +
		" copies the raw line (a v selection's lines, else the marked rows', up to 1,000; the status names control characters in them): to the terminal's clipboard with OSC 52, or inside tmux, which drops OSC 52 under its default" +
		" set-clipboard external, with tmux load-buffer (tmux's paste buffer, and tmux sends it to the clipboard). " +
		keyOf(k.Cancel) + " closes the detail pane; pressed again it clears the selection, then the search, then the filter. " +
		keyOf(k.Pair) + " goes to the paired event; when the filter hides it, the detail pane shows it and " + keyOf(k.Pair) +
		" again clears the filter and goes there. " + keyOf(k.Changed) +
		" compares the selected span (or the last 15 minutes) with the same length just before it."
}
