package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"

	"connlog/ui/filterbar"
	"github.com/rivo/uniseg"
)

// splitBurst returns the keys a single key press stands for when it stands
// for several, in order, or nil when it is one key.
//
// Bubble Tea's input reader already reports keys that reached the program in
// one read (a held key over SSH) as one message each; two cases remain. A
// press whose text holds several characters (a terminal that reports typed
// text as one event) is one key per character. An alt key that no binding
// uses is an ESC read together with what followed it (esc then q, esc then
// enter, esc then up, typed quickly or sent in one write): it is the esc key
// and then that key. Only the line editor's word motions and deletions use
// alt (alt+left, alt+backspace…), and no binding uses alt with a letter.
// Alt+esc is two escs read together, the second taken for the first's alt.
// Pasted text arrives as a tea.PasteMsg, never here, and is taken whole by
// the prompts.
func splitBurst(msg tea.KeyPressMsg) []tea.KeyPressMsg {
	if msg.Code == tea.KeyEscape && msg.Mod == tea.ModAlt {
		return []tea.KeyPressMsg{{Code: tea.KeyEscape}, {Code: tea.KeyEscape}}
	}
	if msg.Mod.Contains(tea.ModAlt) && !editKeys.UsesAlt(msg) {
		return []tea.KeyPressMsg{{Code: tea.KeyEscape}, withoutAlt(msg)}
	}
	if uniseg.GraphemeClusterCount(msg.Text) < 2 {
		return nil
	}
	return appendTextKeys(nil, msg.Text)
}

// editKeys are the prompts' editing keys, the only ones bound with alt.
var editKeys = filterbar.DefaultEditKeyMap()

// appendTextKeys appends the keys that type s, one per character.
func appendTextKeys(keys []tea.KeyPressMsg, s string) []tea.KeyPressMsg {
	for state, g := -1, ""; s != ""; {
		g, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		keys = append(keys, textKey(g))
	}
	return keys
}

// isPrintable reports whether a key code is a printable character (not a
// special key such as backspace or an arrow).
func isPrintable(code rune) bool {
	return code <= unicode.MaxRune && unicode.IsPrint(code)
}

// withoutAlt returns the key an alt press was made of, with the text it
// would have typed alone (the reader drops the text of alt keys).
func withoutAlt(msg tea.KeyPressMsg) tea.KeyPressMsg {
	msg.Mod &^= tea.ModAlt
	if msg.Mod == tea.ModShift && msg.ShiftedCode == 0 && unicode.IsLower(msg.Code) {
		// ESC then P, O or X comes as alt+shift and the lower-case letter
		// alone, where a typed P has its shifted code: give it back.
		msg.ShiftedCode = unicode.ToUpper(msg.Code)
	}
	switch {
	case !isPrintable(msg.Code) || msg.Mod&^tea.ModShift != 0:
		msg.Text = "" // special keys (enter, up), ctrl and the like type no text
	case msg.Mod.Contains(tea.ModShift) && msg.ShiftedCode != 0:
		msg.Text = string(msg.ShiftedCode)
	default:
		msg.Text = string(msg.Code)
	}
	return msg
}

// typedString returns the keys typed as ESC then P, X, ^ or _ (a shifted P
// is the templates key) and whatever was read with them: the input reader
// takes those bytes for the start of a terminal string (DCS, SOS, PM, APC)
// and makes one event it does not know of them, up to the next ESC. connlog
// asks the terminal for nothing answered with such a string, so one that
// arrives was typed: esc then P quickly, or in one write over SSH with held
// keys after. Nil when msg is no such event or its bytes are not text.
func typedString(msg tea.Msg) []tea.KeyPressMsg {
	seq, ok := unknownInput(msg)
	if !ok || len(seq) < 2 || seq[0] != '\x1b' || !strings.ContainsRune("PX^_", rune(seq[1])) {
		return nil
	}
	body, end := seq[2:], ""
	if i := strings.IndexByte(body, '\x1b'); i >= 0 {
		body, end = body[:i], body[i:] // the reader ends the string at an ESC: esc pressed again
	}
	if !utf8.ValidString(body) || strings.ContainsFunc(body, unicode.IsControl) ||
		(end != "" && end != "\x1b" && end != "\x1b\\") {
		return nil
	}
	keys := appendTextKeys([]tea.KeyPressMsg{{Code: tea.KeyEscape}}, seq[1:2]+body)
	if end != "" {
		keys = append(keys, tea.KeyPressMsg{Code: tea.KeyEscape})
	}
	if end == "\x1b\\" {
		keys = append(keys, textKey("\\"))
	}
	return keys
}

// unknownInput returns the bytes of input the reader did not know: an
// unfinished sequence (read to its end after the reader's timeout) or an
// unknown terminal string.
func unknownInput(msg tea.Msg) (string, bool) {
	switch msg := msg.(type) {
	case uv.UnknownEvent:
		return string(msg), true
	case uv.UnknownDcsEvent:
		return string(msg), true
	case uv.UnknownSosEvent:
		return string(msg), true
	case uv.UnknownPmEvent:
		return string(msg), true
	case uv.UnknownApcEvent:
		return string(msg), true
	}
	return "", false
}

// textKey is the key press that types one character.
func textKey(g string) tea.KeyPressMsg {
	rs := []rune(g)
	if len(rs) != 1 {
		return tea.KeyPressMsg{Code: tea.KeyExtended, Text: g}
	}
	return tea.KeyPressMsg{Code: rs[0], Text: g}
}

// onBurst feeds the keys of a burst through Update one by one, so that each
// acts in the mode the previous one left (a `/` opens the bar, the keys
// after it are its text), and batches the commands they return.
func (m Model) onBurst(keys []tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	cmds := make([]tea.Cmd, 0, len(keys))
	var cur tea.Model = m
	for _, k := range keys {
		var cmd tea.Cmd
		cur, cmd = cur.Update(k)
		cmds = append(cmds, cmd)
	}
	return cur, tea.Batch(cmds...)
}
