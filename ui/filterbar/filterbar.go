package filterbar

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// Debounce is how long typing must pause before the query runs.
const Debounce = 100 * time.Millisecond

// Mode says what the bar's query does.
type Mode uint8

// The bar modes.
const (
	Filter Mode = iota // the table shows only matching rows
	Search             // rows stay; matches are highlighted and n/N jump
)

// String names the mode as the bar's prompt shows it.
func (b Mode) String() string {
	if b == Search {
		return "search"
	}
	return "filter"
}

// Model is the query prompt at the bottom: applied as you type, with the
// match count live, a syntax error shown in place with a caret, and a
// history on ↑/↓.
type Model struct {
	keys    *KeyMap
	styles  *theme.Styles
	input   LineInput
	width   int
	active  bool
	mode    Mode
	history []string
	histPos int
	gen     int // bumped on every edit, for the debounce
	errPos  int
	errMsg  string
	info    string // "123 matches", "filtering…"
	note    string // what the last edit left out, shown instead of the hints
	event   Event
	// inForce is each mode's query in force when the bar opened: while the
	// bar still holds its mode's, ctrl+s brings in the other mode's (a
	// search starts from the search, not from the filter).
	inForce [2]string
}

// New returns a closed filter bar.
func New(keys *KeyMap, styles *theme.Styles) Model {
	return Model{keys: keys, styles: styles, input: NewLineInput(styles, "/ "), errPos: -1}
}

// SetSize sets the width; the bar is as high as View draws it: two lines,
// more while an error is too long for one.
func (f *Model) SetSize(w, _ int) {
	f.width = w
	f.input.SetSize(w-22, 1)
}

// Open starts editing text in a mode.
func (f Model) Open(text string, mode Mode) Model {
	f.active, f.mode, f.histPos = true, mode, len(f.history)
	f.inForce = [2]string{}
	f.inForce[mode] = text
	f.note = ""
	f.input.SetValue(text)
	f.setPrompt()
	f.ClearError()
	return f
}

// WithOther sets the other mode's query in force, which ctrl+s brings
// into the bar while it still holds the text it opened on.
func (f Model) WithOther(text string) Model {
	f.inForce[1-f.mode] = text
	return f
}

// Close ends editing; a committed query goes into the history.
func (f Model) Close(commit bool) Model {
	f.active = false
	if commit {
		return f.Remember(f.input.Value())
	}
	return f
}

// Remember puts a query at the end of the history (once), so that ↑ in the
// bar brings it back first.
func (f Model) Remember(q string) Model {
	if q != "" && (len(f.history) == 0 || f.history[len(f.history)-1] != q) {
		f.history = append(f.history, q)
	}
	return f
}

func (f *Model) setPrompt() {
	f.input.SetPrompt("/ ")
	if f.mode == Search {
		f.input.SetPrompt("search: ")
	}
}

// Active reports whether the bar is open for editing.
func (f Model) Active() bool { return f.active }

// Value returns the query text being edited.
func (f Model) Value() string { return f.input.Value() }

// Mode returns what the query does: filter or search.
func (f Model) Mode() Mode { return f.mode }

// SetError shows a syntax error with a caret at byte pos of the query.
func (f *Model) SetError(pos int, msg string) { f.errPos, f.errMsg = pos, msg }

// ClearError removes the error.
func (f *Model) ClearError() { f.errPos, f.errMsg = -1, "" }

// Err returns the syntax error shown, "" when there is none.
func (f Model) Err() string { return f.errMsg }

// Note returns what the last edit left out ("3 control characters of the
// paste left out…"), "" when nothing.
func (f Model) Note() string { return f.note }

// SetInfo sets the text at the right of the bar (the match count).
func (f *Model) SetInfo(s string) { f.info = s }

// Update edits the query; every edit schedules a debounced run, and the
// bar's own timer, when it is the last edit's, emits QueryChanged.
func (f Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if d, ok := msg.(debounceMsg); ok {
		return f, f.onDebounce(d)
	}
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
	f.note = "" // it answers one edit: the next key takes it away
	b := f.keys
	switch {
	case key.Matches(km, b.Apply):
		f.event = Committed{Text: f.Value(), Mode: f.mode}
		return f, nil
	case key.Matches(km, b.Cancel):
		f.event = Cancelled{}
		return f, nil
	case key.Matches(km, b.SearchMode):
		return f.toggleMode(), nil
	case key.Matches(km, b.HistPrev):
		return f.recall(-1)
	case key.Matches(km, b.HistNext):
		return f.recall(1)
	}
	return f.edit(km)
}

// toggleMode switches between filter and search. A text typed goes over
// to the other mode (a query typed as a filter and meant as a search); the
// text the bar holds for its mode untouched gives way to the other mode's
// query in force, which is what that mode starts from.
func (f Model) toggleMode() Model {
	if f.Value() == f.inForce[f.mode] {
		f.input.SetValue(f.inForce[1-f.mode])
	}
	f.mode = 1 - f.mode
	f.setPrompt()
	f.event = ModeToggled{Text: f.Value(), Mode: f.mode}
	return f
}

// onDebounce emits the query when the timer is the last edit's and the
// bar is still open.
func (f Model) onDebounce(d debounceMsg) tea.Cmd {
	if d.gen != f.gen || !f.active {
		return nil
	}
	changed := QueryChanged{Text: f.Value(), Mode: f.mode}
	return func() tea.Msg { return changed }
}

// edit hands a key or a paste to the line editor; a change of the text
// schedules a debounced run.
func (f Model) edit(msg tea.Msg) (Model, tea.Cmd) {
	before := f.input.Value()
	f.input.SetKeys(f.keys.Edit)
	f.input, _ = f.input.Update(msg)
	f.note = f.droppedNote()
	if f.input.Value() == before {
		return f, nil
	}
	return f, f.debounce()
}

// droppedNote says that the last edit left out control characters, the
// regular expression that finds the first of them after it, on one line at
// 80 columns: a query holds none, and a regular expression finds them in
// the lines.
func (f Model) droppedNote() string {
	note := f.input.DroppedNote()
	if note == "" {
		return ""
	}
	_, c := f.input.Dropped()
	return note + "; find one with a regex: /" + fmt.Sprintf("\\x%02x", c) + "/"
}

// TakeEvent returns the event the last key caused (nil when none) and the
// bar without it.
func (f Model) TakeEvent() (Model, Event) {
	ev := f.event
	f.event = nil
	return f, ev
}

// recall steps through the history and runs the recalled query.
func (f Model) recall(step int) (Model, tea.Cmd) {
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

// debounce schedules the run of an edited query. The info shown until it
// runs (a count, "filtering…") was the previous text's: it is cleared.
func (f *Model) debounce() tea.Cmd {
	f.info = ""
	f.gen++
	gen := f.gen
	return tea.Tick(Debounce, func(time.Time) tea.Msg { return debounceMsg{gen: gen} })
}
