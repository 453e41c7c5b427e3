// Package filterbar is the query prompt at the foot of connlog's screen and
// the one-line editor every prompt of the interface types into.
//
// The bar applies the query as the user types: it owns the debounce (an
// edit starts a timer; only the last one, once typing paused, emits
// QueryChanged), keeps a history of committed queries on ↑/↓, shows a
// syntax error in place with a caret under the offending byte, and reports
// what a key did — Committed, Cancelled, ModeToggled — synchronously
// through TakeEvent, so that a key that arrives in the same read as enter
// finds the bar already closed.
//
// LineInput is a hand-written editor rather than bubbles/v2/textinput.
// textinput draws its value as typed: it drops C0 controls and folds line
// breaks, but lets bidi overrides and other format characters through to
// the terminal, and it has no history. Queries are often pasted from log
// lines, which are attacker-influenced, so LineInput renders every rune
// through theme.Clean, and the bar keeps the history; word motions and
// readline kills are the editor's own.
package filterbar
