package ui

import "connlog/ui/exportdialog"

// AbortExport cancels an export the dialog is writing and waits until its
// temp file is removed. Call it on the model tea.Program.Run returns, so
// that quitting (ctrl+c, a signal) in the middle of an export leaves no
// partial file behind. It reports what became of the export, ok false
// when none was running or waiting to start.
func (m Model) AbortExport() (exportdialog.Aborted, bool) { return m.dialog.Abort() }
