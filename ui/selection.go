package ui

import (
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aymanbagabas/go-osc52/v2"

	"connlog/model"
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
		return m, m.copyRaw(seq)
	}
	return m, nil
}

// copyRaw puts the entry's raw line on the clipboard with OSC 52. The
// bytes travel base64-encoded, so nothing in them reaches the terminal as
// a control sequence.
func (m Model) copyRaw(seq int64) tea.Cmd {
	if seq == 0 {
		return nil
	}
	sn := m.store.Snapshot()
	return func() tea.Msg {
		var e model.Entry
		if err := sn.Load(seq, &e, model.LoadRaw); err != nil {
			return noticeMsg("cannot copy: " + err.Error())
		}
		return copyMsg{osc: clipboardSequence(string(e.Raw), os.Getenv("TERM"), os.Getenv("TMUX") != ""), size: len(e.Raw)}
	}
}

// copyMsg is a raw line ready to be sent to the terminal's clipboard.
type copyMsg struct {
	osc  string // the whole sequence, as the terminal must receive it
	size int    // bytes of the line
}

// onCopy sends the sequence through the program, which owns the terminal,
// and says what was done: whether the terminal took it cannot be known
// (OSC 52 has no reply), so the notice never says that it worked.
func (m Model) onCopy(msg copyMsg) (tea.Model, tea.Cmd) {
	m.notice = "sent the raw line (" + commas(int64(msg.size)) + " bytes) to the terminal's clipboard (OSC 52)"
	return m, tea.Raw(msg.osc)
}

// clipboardSequence is the OSC 52 sequence that sets the clipboard to s.
// Inside tmux it goes plain: tmux 3.2+ takes OSC 52 itself and, with its
// default set-clipboard external, forwards it to the outer terminal (with
// on it also fills its paste buffer), whereas a DCS passthrough is dropped
// unless allow-passthrough is on. GNU screen (TERM=screen* outside tmux,
// which sets TERM=screen too) needs the DCS wrapping to pass it on.
func clipboardSequence(s, term string, inTmux bool) string {
	seq := osc52.New(s)
	if !inTmux && strings.HasPrefix(term, "screen") {
		seq = seq.Screen()
	}
	return seq.String()
}
