package exportdialog

// Quitting while an export is written, or waits to be, would cancel it:
// the interface asks first, in the dialog, and quits on the second key.

// Busy reports whether an export is being written or waits to be.
func (d Model) Busy() bool { return d.open && (d.state == Writing || d.state == Waiting) }

// QuitAsked reports whether a quit was asked while the export is busy, and
// the dialog said a second one cancels it.
func (d Model) QuitAsked() bool { return d.Busy() && d.quitAgain != "" }

// AskQuit says in the dialog that quitting cancels the export, and that
// again (a key's name) pressed again does it.
func (d Model) AskQuit(again string) Model {
	what := "an export is being written"
	if d.state == Waiting {
		what = "an export waits to be written"
	}
	d.quitAgain = what + ": " + again + " again to cancel it and quit"
	return d
}

// quitLines show what AskQuit said, while it holds.
func (d Model) quitLines() []string {
	if !d.QuitAsked() {
		return nil
	}
	return d.wrap(d.styles.Notice, d.quitAgain)
}
