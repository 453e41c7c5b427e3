package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// filterDebounce is how long typing must pause before the query runs.
const filterDebounce = 100 * time.Millisecond

// BarMode says what the filter bar's query does.
type BarMode uint8

// The bar modes.
const (
	BarFilter BarMode = iota // the table shows only matching rows
	BarSearch                // rows stay; matches are highlighted and n/N jump
)

// String names the mode as the bar's prompt shows it.
func (b BarMode) String() string {
	if b == BarSearch {
		return "search"
	}
	return "filter"
}

// barEvent is what the bar tells the root. The root takes it right after
// the key (TakeEvent), not through a message: a key that arrives in the same
// read as enter must find the bar already closed.
type barEvent uint8

const (
	barNone   barEvent = iota // nothing to tell
	barCommit                 // enter: keep the query
	barCancel                 // esc: restore the previous one
	barToggle                 // ctrl+s: filter ⇄ search
)

// FilterBar is the query prompt at the bottom: applied as you type, with
// the match count live, a syntax error shown in place with a caret, and a
// history on ↑/↓.
type FilterBar struct {
	keys    *KeyMap
	styles  *theme.Styles
	input   LineInput
	width   int
	active  bool
	mode    BarMode
	history []string
	histPos int
	gen     int // bumped on every edit, for the debounce
	errPos  int
	errMsg  string
	info    string // "123 matches", "filtering…"
	event   barEvent
}

// NewFilterBar returns a closed filter bar.
func NewFilterBar(keys *KeyMap, styles *theme.Styles) FilterBar {
	return FilterBar{keys: keys, styles: styles, input: NewLineInput(styles, "/ "), errPos: -1}
}

// SetSize sets the width; the bar is two lines high.
func (f *FilterBar) SetSize(w, _ int) {
	f.width = w
	f.input.SetSize(w-22, 1)
}

// Open starts editing text in a mode.
func (f FilterBar) Open(text string, mode BarMode) FilterBar {
	f.active, f.mode, f.histPos = true, mode, len(f.history)
	f.input.SetValue(text)
	f.setPrompt()
	f.ClearError()
	return f
}

// Close ends editing; a committed query goes into the history.
func (f FilterBar) Close(commit bool) FilterBar {
	f.active = false
	if commit {
		return f.Remember(f.input.Value())
	}
	return f
}

// Remember puts a query at the end of the history (once), so that ↑ in the
// bar brings it back first.
func (f FilterBar) Remember(q string) FilterBar {
	if q != "" && (len(f.history) == 0 || f.history[len(f.history)-1] != q) {
		f.history = append(f.history, q)
	}
	return f
}

func (f *FilterBar) setPrompt() {
	f.input.prompt = "/ "
	if f.mode == BarSearch {
		f.input.prompt = "search: "
	}
}

// Value returns the query text being edited.
func (f FilterBar) Value() string { return f.input.Value() }

// SetError shows a syntax error with a caret at byte pos of the query.
func (f *FilterBar) SetError(pos int, msg string) { f.errPos, f.errMsg = pos, msg }

// ClearError removes the error.
func (f *FilterBar) ClearError() { f.errPos, f.errMsg = -1, "" }

// SetInfo sets the text at the right of the bar (the match count).
func (f *FilterBar) SetInfo(s string) { f.info = s }

// Update edits the query; every edit schedules a debounced run.
func (f FilterBar) Update(msg tea.Msg) (FilterBar, tea.Cmd) {
	if !f.active {
		return f, nil
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		return f.edit(p)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return f, nil
	}
	b := f.keys.Bar
	switch {
	case key.Matches(km, b.Apply):
		f.event = barCommit
		return f, nil
	case key.Matches(km, b.Cancel):
		f.event = barCancel
		return f, nil
	case key.Matches(km, b.SearchMode):
		f.mode = 1 - f.mode
		f.setPrompt()
		f.event = barToggle
		return f, nil
	case key.Matches(km, b.HistPrev):
		return f.recall(-1)
	case key.Matches(km, b.HistNext):
		return f.recall(1)
	}
	return f.edit(km)
}

// edit hands a key or a paste to the line editor; a change of the text
// schedules a debounced run.
func (f FilterBar) edit(msg tea.Msg) (FilterBar, tea.Cmd) {
	before := f.input.Value()
	f.input, _ = f.input.Update(msg)
	if f.input.Value() == before {
		return f, nil
	}
	return f, f.debounce()
}

// TakeEvent returns the event the last key caused (barNone when none) and
// the bar without it.
func (f FilterBar) TakeEvent() (FilterBar, barEvent) {
	ev := f.event
	f.event = barNone
	return f, ev
}

// recall steps through the history and runs the recalled query.
func (f FilterBar) recall(step int) (FilterBar, tea.Cmd) {
	p := f.histPos + step
	if p < 0 || p > len(f.history) {
		return f, nil
	}
	f.histPos = p
	if p == len(f.history) {
		f.input.SetValue("")
	} else {
		f.input.SetValue(f.history[p])
	}
	return f, f.debounce()
}

func (f *FilterBar) debounce() tea.Cmd {
	f.gen++
	gen := f.gen
	return tea.Tick(filterDebounce, func(time.Time) tea.Msg { return debounceMsg{gen: gen} })
}

func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// View draws the two footer lines: the prompt (or the filter in force) and
// either the error with its caret or a hint.
func (f FilterBar) View() string {
	info := f.styles.Dim.Render(f.info)
	first := theme.PadStyled(f.input.View(), f.width-theme.CellWidth(f.info)-1) + " " + info
	if f.errMsg == "" {
		b := f.keys.Bar
		keys := hint(b.Apply, b.Cancel, b.SearchMode, b.HistPrev, b.HistNext)
		return theme.PadStyled(first, f.width) + "\n" + f.styles.Dim.Render(theme.Fit(keys, f.width))
	}
	col := theme.CellWidth(f.input.prompt) + theme.CellWidth(theme.Clean(truncBytes(f.input.Value(), f.errPos)))
	col = min(col, max(f.width-1, 0))
	caret := strings.Repeat(" ", col) + f.styles.Caret.Render("^")
	msg := " " + theme.Clean(f.errMsg)
	return theme.PadStyled(first, f.width) + "\n" + theme.PadStyled(caret+f.styles.BarError.Render(theme.Cut(msg, f.width-col-1)), f.width)
}

// truncBytes returns s cut at byte n (clamped).
func truncBytes(s string, n int) string { return s[:min(max(n, 0), len(s))] }
