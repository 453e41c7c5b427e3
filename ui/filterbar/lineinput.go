package filterbar

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// LineInput is a one-line text editor for the prompts: the filter bar, the
// go-to-time prompt and the export dialog's fields. Its text is drawn
// through theme.Clean, so pasted log content stays inert.
type LineInput struct {
	styles *theme.Styles
	keys   EditKeyMap
	prompt string
	value  []rune
	pos    int // cursor, in runes
	width  int
	// dropped is how many control characters the last edit left out of
	// the text: they never reach the terminal, and the prompt may say so.
	dropped      int
	firstDropped rune
	// forPaths leaves a paste's line breaks and tabs out (see SetForPaths).
	forPaths bool
}

// NewLineInput returns an empty input with a prompt and the default
// editing keys.
func NewLineInput(styles *theme.Styles, prompt string) LineInput {
	return LineInput{styles: styles, prompt: prompt, keys: DefaultEditKeyMap()}
}

// SetKeys replaces the editing keys.
func (l *LineInput) SetKeys(k EditKeyMap) { l.keys = k }

// SetSize sets the width of the whole line, prompt included.
func (l *LineInput) SetSize(w, _ int) { l.width = w }

// SetForPaths makes the input one for a path (or a time): a paste's line
// breaks and tabs are left out and counted like other control characters,
// not made spaces, for a space is a character of a file's name, and one
// at its end would go unseen.
func (l *LineInput) SetForPaths() { l.forPaths = true }

// SetPrompt replaces the prompt.
func (l *LineInput) SetPrompt(p string) { l.prompt = p }

// Prompt returns the prompt.
func (l LineInput) Prompt() string { return l.prompt }

// Value returns the text.
func (l LineInput) Value() string { return string(l.value) }

// Cursor returns the cursor's position, in runes from the start.
func (l LineInput) Cursor() int { return l.pos }

// SetValue replaces the text and puts the cursor at its end.
func (l *LineInput) SetValue(s string) {
	l.value = []rune(s)
	l.pos = len(l.value)
}

// SetCursorByte puts the cursor at a byte offset of the text (an error's
// position).
func (l *LineInput) SetCursorByte(off int) {
	l.pos = len([]rune(string(l.value)[:min(max(off, 0), len(string(l.value)))]))
}

// Update edits the text on the editing keys, typed text and pastes (taken
// whole). The bindings are matched before typed text, so a rebound key
// that reports text still edits.
func (l LineInput) Update(msg tea.Msg) (LineInput, tea.Cmd) {
	l.dropped = 0
	if p, ok := msg.(tea.PasteMsg); ok {
		l.insert([]rune(p.Content))
		return l, nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return l, nil
	}
	if !l.move(km) && !l.delete(km) && km.Text != "" {
		l.insert([]rune(km.Text))
	}
	return l, nil
}

// Dropped is how many control characters the last edit (a paste, keys
// read together) left out of the text, and the first of them.
func (l LineInput) Dropped() (n int, first rune) { return l.dropped, l.firstDropped }

// DroppedNote says what the last edit left out of the text ("2 control
// characters of the paste left out"), "" when nothing: every prompt says
// it in these words, the filter bar and the go-to, compare and export
// fields alike, each adding what to do in its own case. It answers one
// edit: the next key or paste takes it away.
func (l LineInput) DroppedNote() string {
	if l.dropped == 0 {
		return ""
	}
	return theme.Plural(int64(l.dropped), "control character") + " of the paste left out"
}

// move handles the cursor motions and reports whether the key was one.
func (l *LineInput) move(km tea.KeyPressMsg) bool {
	k := l.keys
	switch {
	case key.Matches(km, k.Left):
		l.pos = max(l.pos-1, 0)
	case key.Matches(km, k.Right):
		l.pos = min(l.pos+1, len(l.value))
	case key.Matches(km, k.WordLeft):
		l.pos = l.wordStart()
	case key.Matches(km, k.WordRight):
		l.pos = l.wordEnd()
	case key.Matches(km, k.Home):
		l.pos = 0
	case key.Matches(km, k.End):
		l.pos = len(l.value)
	default:
		return false
	}
	return true
}

// delete handles the deleting keys and reports whether the key was one.
func (l *LineInput) delete(km tea.KeyPressMsg) bool {
	k := l.keys
	switch {
	case key.Matches(km, k.Backspace):
		l.cut(max(l.pos-1, 0), l.pos)
	case key.Matches(km, k.Delete):
		l.cut(l.pos, min(l.pos+1, len(l.value)))
	case key.Matches(km, k.DeleteWord):
		l.cut(l.wordStart(), l.pos)
	case key.Matches(km, k.DeleteWordForward):
		l.cut(l.pos, l.wordEnd())
	case key.Matches(km, k.KillEnd):
		l.cut(l.pos, len(l.value))
	case key.Matches(km, k.KillStart):
		l.cut(0, l.pos)
	default:
		return false
	}
	return true
}

// cut removes the runes [from, to) and leaves the cursor at from.
func (l *LineInput) cut(from, to int) {
	l.value = append(l.value[:from:from], l.value[to:]...)
	l.pos = from
}

// wordStart is where the word left of the cursor starts, spaces before the
// cursor skipped: where ctrl+← lands and what ctrl+w deletes back to.
func (l LineInput) wordStart() int {
	i := l.pos
	for i > 0 && l.value[i-1] == ' ' {
		i--
	}
	for i > 0 && l.value[i-1] != ' ' {
		i--
	}
	return i
}

// wordEnd is where the word right of the cursor ends, spaces after the
// cursor skipped: where ctrl+→ lands and what alt+delete deletes up to.
func (l LineInput) wordEnd() int {
	i := l.pos
	for i < len(l.value) && l.value[i] == ' ' {
		i++
	}
	for i < len(l.value) && l.value[i] != ' ' {
		i++
	}
	return i
}

// insert adds typed or pasted runes at the cursor; line breaks in a paste
// become spaces (unless the input is for paths), other control characters
// are dropped.
func (l *LineInput) insert(rs []rune) {
	add := make([]rune, 0, len(rs))
	for _, r := range rs {
		switch {
		case (r == '\n' || r == '\r' || r == '\t') && !l.forPaths:
			add = append(add, ' ')
		case unicode.IsControl(r):
			if l.dropped == 0 {
				l.firstDropped = r
			}
			l.dropped++
		default:
			add = append(add, r)
		}
	}
	v := make([]rune, 0, len(l.value)+len(add))
	v = append(append(append(v, l.value[:l.pos]...), add...), l.value[l.pos:]...)
	l.value, l.pos = v, l.pos+len(add)
}

// View draws the prompt and the text, scrolled so the cursor stays in
// sight; the cursor cell is drawn in reverse video. Only the runes that
// can show are looked at: a long paste is drawn at every key it arrives
// as, and measuring the whole text each time made drawing it quadratic.
func (l LineInput) View() string {
	prompt := l.styles.Prompt.Render(l.prompt)
	room := max(l.width-theme.CellWidth(l.prompt)-1, 1)
	start := l.scrollStart(room)
	// Every rune takes a cell or more: none past room cells after the
	// cursor can show.
	end := min(len(l.value), l.pos+1+room)
	var b strings.Builder
	b.WriteString(prompt)
	b.WriteString(theme.Clean(string(l.value[start:l.pos])))
	cursor := " "
	rest := ""
	if l.pos < len(l.value) {
		cursor, rest = string(l.value[l.pos]), string(l.value[l.pos+1:end])
	}
	b.WriteString(l.styles.ChoiceActive.Render(theme.Clean(cursor)))
	b.WriteString(theme.Clean(rest))
	return theme.PadStyled(b.String(), l.width)
}

// scrollStart returns the first rune View shows: the furthest back from
// the cursor that keeps the text before it narrower than room cells, each
// rune measured as it is drawn (made inert).
func (l LineInput) scrollStart(room int) int {
	w := 0
	for i := l.pos; i > 0; i-- {
		w += theme.CellWidth(theme.Clean(string(l.value[i-1])))
		if w >= room {
			return i
		}
	}
	return 0
}
