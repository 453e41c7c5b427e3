package ui

// AbortExport cancels an export the dialog is writing and waits until its
// temp file is removed. Call it on the model tea.Program.Run returns, so
// that quitting (ctrl+c, a signal) in the middle of an export leaves no
// partial file behind; it does nothing when no export is running.
func (m Model) AbortExport() { m.dialog.Abort() }
