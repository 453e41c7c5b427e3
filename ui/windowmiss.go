package ui

import (
	tea "charm.land/bubbletea/v2"

	"connlog/model"

	"connlog/ui/theme"
)

// windowMissMsg says why the inputs, ended, sent no entry (see
// Config.WindowMiss); "" when nothing explains it.
type windowMissMsg string

// askWindowMiss asks, once, why the inputs sent nothing, when every one has
// ended without an entry, or is a log store followed live after a first
// read that sent none, and the command line can tell (Config.WindowMiss):
// the question reads the input again, off the interface's goroutine.
func (m *Model) askWindowMiss() tea.Cmd {
	if m.cfg.WindowMiss == nil || m.windowAsked || !m.inputEnded() && !m.storesLive() || m.store.Snapshot().Len() > 0 {
		return nil
	}
	m.windowAsked = true
	ask := m.cfg.WindowMiss
	return func() tea.Msg { return windowMissMsg(ask()) }
}

// onWindowMiss shows why the inputs sent nothing, in the empty table and
// in the footer.
func (m Model) onWindowMiss(msg windowMissMsg) (tea.Model, tea.Cmd) {
	if msg == "" || m.store.Snapshot().Len() > 0 {
		return m, nil
	}
	note := theme.Clean(string(msg))
	m.windowMiss, m.notice = note, note
	m.table = m.table.WithData(m.tableData())
	return m, nil
}

// storesLive reports whether every input is a log store whose first read
// is over (model.StateLive).
func (m Model) storesLive() bool {
	for _, s := range m.sources {
		if s.State != model.StateLive {
			return false
		}
	}
	return len(m.sources) > 0
}
