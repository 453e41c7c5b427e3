// Package ui is connlog's terminal interface, built on Bubble Tea.
//
// The root Model is a router: it lays the screen out, fans the terminal size
// out to its components, handles the global keys, the life of the sources and
// of the live view, and hands every other message to the component that has
// the focus, or to all of them for the results of their own commands. Each
// component is a package of its own with the same shape (New, Update
// returning its concrete type, View, SetSize, a KeyMap) and is reached only
// through its exported API: status (the top line), table (the entry table),
// detail (the detail pane and its card), filterbar (the query prompt and the
// line editor of every prompt), pivot (the pivot menu), helpscreen,
// exportdialog, timeline, changed (what changed between two windows) and
// triageview (the top-N, templates and sessions views). They all draw with
// the styles and text helpers of package theme. The root keeps what needs
// the store: it computes and keeps the triage reports, holds the muted
// templates and turns a view's choice into a filter. The root's KeyMap
// composes the components' keys: it holds the bar's, the dialog's, the
// menu's and the triage views' KeyMaps, and gives the table, the detail pane
// and the help screen theirs from its own bindings each time they are used,
// so every hint on screen names the key that acts.
//
// Nothing here blocks: building a view over the store, scanning for the next
// match, loading an entry for the detail pane and writing an export all run in
// tea.Cmds that return typed messages carrying a generation number, so that a
// result that arrives after the user has moved on is dropped. Only the rows on
// screen are ever loaded or rendered.
//
// Log content is untrusted: every string taken from an entry passes through
// the sanitiser before it reaches View, so that escape sequences, control
// characters and bidi overrides show as visible text and never act on the
// terminal.
package ui
