package ui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// editKeys are the line-editing keys of every prompt (readline habits).
var editKeys = struct {
	Left, Right, Home, End, Backspace, Delete, DeleteWord, KillEnd, KillStart key.Binding
}{
	Left: key.NewBinding(key.WithKeys("left", "ctrl+b")), Right: key.NewBinding(key.WithKeys("right", "ctrl+f")),
	Home: key.NewBinding(key.WithKeys("home", "ctrl+a")), End: key.NewBinding(key.WithKeys("end", "ctrl+e")),
	Backspace: key.NewBinding(key.WithKeys("backspace", "ctrl+h")), Delete: key.NewBinding(key.WithKeys("delete", "ctrl+d")),
	DeleteWord: key.NewBinding(key.WithKeys("ctrl+w", "alt+backspace")),
	KillEnd:    key.NewBinding(key.WithKeys("ctrl+k")), KillStart: key.NewBinding(key.WithKeys("ctrl+u")),
}

// LineInput is a one-line text editor for the prompts: the filter bar, the
// go-to-time prompt and the export path.
type LineInput struct {
	styles *theme.Styles
	prompt string
	value  []rune
	pos    int // cursor, in runes
	width  int
}

// NewLineInput returns an empty input with a prompt.
func NewLineInput(styles *theme.Styles, prompt string) LineInput {
	return LineInput{styles: styles, prompt: prompt}
}

// SetSize sets the width of the whole line, prompt included.
func (l *LineInput) SetSize(w, _ int) { l.width = w }

// Value returns the text.
func (l LineInput) Value() string { return string(l.value) }

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
// whole).
func (l LineInput) Update(msg tea.Msg) (LineInput, tea.Cmd) {
	if p, ok := msg.(tea.PasteMsg); ok {
		l.insert([]rune(p.Content))
		return l, nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return l, nil
	}
	switch {
	case km.Text != "":
		l.insert([]rune(km.Text))
	case key.Matches(km, editKeys.Left):
		l.pos = max(l.pos-1, 0)
	case key.Matches(km, editKeys.Right):
		l.pos = min(l.pos+1, len(l.value))
	case key.Matches(km, editKeys.Home):
		l.pos = 0
	case key.Matches(km, editKeys.End):
		l.pos = len(l.value)
	case key.Matches(km, editKeys.Backspace):
		if l.pos > 0 {
			l.value = append(l.value[:l.pos-1:l.pos-1], l.value[l.pos:]...)
			l.pos--
		}
	case key.Matches(km, editKeys.Delete):
		if l.pos < len(l.value) {
			l.value = append(l.value[:l.pos:l.pos], l.value[l.pos+1:]...)
		}
	case key.Matches(km, editKeys.DeleteWord):
		l.deleteWord()
	case key.Matches(km, editKeys.KillEnd):
		l.value = l.value[:l.pos:l.pos]
	case key.Matches(km, editKeys.KillStart):
		l.value, l.pos = append([]rune{}, l.value[l.pos:]...), 0
	}
	return l, nil
}

// insert adds typed or pasted runes at the cursor; line breaks in a paste
// become spaces, other control characters are dropped.
func (l *LineInput) insert(rs []rune) {
	add := make([]rune, 0, len(rs))
	for _, r := range rs {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			add = append(add, ' ')
		case unicode.IsControl(r):
		default:
			add = append(add, r)
		}
	}
	v := make([]rune, 0, len(l.value)+len(add))
	v = append(append(append(v, l.value[:l.pos]...), add...), l.value[l.pos:]...)
	l.value, l.pos = v, l.pos+len(add)
}

func (l *LineInput) deleteWord() {
	i := l.pos
	for i > 0 && l.value[i-1] == ' ' {
		i--
	}
	for i > 0 && l.value[i-1] != ' ' {
		i--
	}
	l.value = append(l.value[:i:i], l.value[l.pos:]...)
	l.pos = i
}

// View draws the prompt and the text, scrolled so the cursor stays in
// sight; the cursor cell is drawn in reverse video.
func (l LineInput) View() string {
	prompt := l.styles.Prompt.Render(l.prompt)
	room := max(l.width-theme.CellWidth(l.prompt)-1, 1)
	start := 0
	for theme.CellWidth(string(l.value[start:l.pos])) >= room {
		start++
	}
	var b strings.Builder
	b.WriteString(prompt)
	b.WriteString(theme.Clean(string(l.value[start:l.pos])))
	cursor := " "
	rest := ""
	if l.pos < len(l.value) {
		cursor, rest = string(l.value[l.pos]), string(l.value[l.pos+1:])
	}
	b.WriteString(l.styles.ChoiceActive.Render(theme.Clean(cursor)))
	b.WriteString(theme.Clean(rest))
	return theme.PadStyled(b.String(), l.width)
}
