package ui

import tea "github.com/charmbracelet/bubbletea"

// splitBurst returns the keys of a message that carries several runes —
// keys that reached the program in one read, as a held key does over SSH —
// one key per rune, in order. It returns nil for a single key and for a
// bracketed paste, which a text input takes whole. Runes with Alt are an
// ESC read together with what followed it (esc then q, typed quickly or
// sent in one write): no binding uses alt with a letter, so they are the
// esc key and then each rune.
func splitBurst(msg tea.KeyMsg) []tea.KeyMsg {
	if msg.Type != tea.KeyRunes || msg.Paste || (len(msg.Runes) < 2 && !msg.Alt) {
		return nil
	}
	out := make([]tea.KeyMsg, 0, len(msg.Runes)+1)
	if msg.Alt {
		out = append(out, tea.KeyMsg{Type: tea.KeyEsc})
	}
	for _, r := range msg.Runes {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// onBurst feeds the keys of a burst through Update one by one, so that each
// acts in the mode the previous one left (a `/` opens the bar, the runes
// after it are its text), and batches the commands they return.
func (m Model) onBurst(keys []tea.KeyMsg) (tea.Model, tea.Cmd) {
	cmds := make([]tea.Cmd, 0, len(keys))
	var cur tea.Model = m
	for _, k := range keys {
		var cmd tea.Cmd
		cur, cmd = cur.Update(k)
		cmds = append(cmds, cmd)
	}
	return cur, tea.Batch(cmds...)
}
