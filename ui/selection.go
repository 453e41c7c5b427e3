package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// selection is the visual range, kept as Seqs so that it survives filter
// changes and new entries.
type selection struct {
	state  SelectState
	anchor int64
	end    int64
}

// bounds returns the range's first and last Seq, or zeros when none.
func (s selection) bounds() (int64, int64) {
	if s.state == SelectNone || s.anchor == 0 {
		return 0, 0
	}
	return min(s.anchor, s.end), max(s.anchor, s.end)
}

// extendTo moves the range's free end while selecting.
func (s *selection) extendTo(seq int64) {
	if s.state == SelectActive && seq != 0 {
		s.end = seq
	}
}

// selectKey handles v (range), m (mark), M (clear marks) and y (copy).
func (m Model) selectKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k, seq := m.keys, m.table.CursorSeq()
	switch {
	case key.Matches(msg, k.Visual):
		switch m.sel.state {
		case SelectActive:
			m.sel.state = SelectFixed
		default:
			if seq != 0 {
				m.sel = selection{state: SelectActive, anchor: seq, end: seq}
			}
		}
	case key.Matches(msg, k.Mark):
		if seq == 0 {
			break
		}
		if m.marks[seq] {
			delete(m.marks, seq)
		} else {
			m.marks[seq] = true
		}
	case key.Matches(msg, k.ClearMarks):
		clear(m.marks)
	case key.Matches(msg, k.Copy):
		return m.copyRaw(seq)
	}
	return m, nil
}

// copyRaw puts the raw lines of the selected rows, or else of the marked
// rows, or else the cursor's line, on the clipboard (see clipboard and clipRows). The bytes travel
// base64-encoded in OSC 52, or on tmux's standard input, so nothing in
// them reaches the terminal as a control sequence.
func (m Model) copyRaw(seq int64) (tea.Model, tea.Cmd) {
	rows, why, ok := m.clipRows(seq)
	if !ok {
		m.notice = why
		return m, nil
	}
	return m, func() tea.Msg {
		c, err := rows.load()
		if err != nil {
			return noticeMsg(err.Error())
		}
		return systemClipboard().copy(c.raw, c.what)
	}
}

// onCopy says how the line was copied and sends the sequence, if any,
// through the program, which owns the terminal.
func (m Model) onCopy(msg copyMsg) (tea.Model, tea.Cmd) {
	m.notice = msg.notice
	if msg.osc == "" {
		return m, nil
	}
	return m, tea.Raw(msg.osc)
}
