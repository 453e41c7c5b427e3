// Package ui is connlog's terminal interface, built on Bubble Tea.
//
// The root Model is a router: it fans the terminal size out to its
// components, handles the global keys and the life of the live view, and
// hands every other message to the component that has the focus. Each
// component lives in its own file with the same shape (New, Update returning
// its concrete type, View, SetSize): the status line, the entry table, the
// detail pane, the filter bar, the pivot menu, the help screen and the export
// dialog. They all draw with the styles and text helpers of package theme.
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
