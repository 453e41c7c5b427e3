package ui

import (
	tea "charm.land/bubbletea/v2"

	"connlog/ui/exportdialog"
)

// AbortExport cancels an export the dialog is writing and waits until its
// temp file is removed. Call it on the model tea.Program.Run returns, so
// that quitting (ctrl+c, a signal) in the middle of an export leaves no
// partial file behind. It reports what became of the export, ok false
// when none was running or waiting to start.
func (m Model) AbortExport() (exportdialog.Aborted, bool) { return m.dialog.Abort() }

// quitDuringExport asks before quitting while an export is written (or
// waits to be): the quit would cancel it, which one key pressed in passing
// should not do. The second quit key quits; connlog then says on exit that
// the export was cancelled (see AbortExport).
func (m Model) quitDuringExport() (tea.Model, tea.Cmd) {
	if !m.dialog.QuitAsked() {
		m.dialog = m.dialog.AskQuit(keyOf(m.keys.Quit))
		return m, nil
	}
	m.live.cancelBuild()
	return m, tea.Quit
}
