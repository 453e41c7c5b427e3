package exportdialog

import tea "charm.land/bubbletea/v2"

// An export of the filtered view or of a time window takes every matching
// row of the input. While a big file's head is still being indexed (read
// after its tail) the view lacks some: the dialog, told so by its
// Source's Indexing, shows the count so far as the caller refreshes it,
// and on enter waits for the indexing to end (Waiting, cancellable with
// esc) before it writes. A selection or marked rows are exactly the rows
// chosen, and never wait.

// grows reports whether the scope's rows can still grow as the head of
// the input is indexed.
func (s Scope) grows() bool { return s == ScopeView || s == ScopeWindow }

// Following reports whether the dialog wants the state as it changes
// (Refresh): its scope's rows still grow as the input is indexed, and
// nothing has been written yet.
func (d Model) Following() bool {
	return d.open && d.src != nil && d.src.Indexing != "" && (d.state == Editing || d.state == Waiting)
}

// Refresh gives the dialog the state of the interface as it is now, while
// it is Following: the count and the default name are made anew for a
// scope that grows; a Source whose Indexing is "" ends the wait of a
// dialog Waiting, which writes once the plan of the whole is made. A
// count of millions of rows may take longer than the refreshes come: one
// still being made is let finish, but for the last.
func (d Model) Refresh(src *Source) (Model, tea.Cmd) {
	if !d.Following() || d.planning && src.Indexing != "" {
		return d, nil
	}
	d.src = src
	if !d.set.Scope.grows() {
		return d, nil
	}
	return d, d.replan()
}

// awaitsIndexing reports whether a write must wait for the indexing to
// end: the scope's rows still grow.
func (d Model) awaitsIndexing() bool { return d.src.Indexing != "" && d.set.Scope.grows() }

// startWaited starts the write the dialog waited for, once the indexing
// has ended and the plan of every row is made.
func (d Model) startWaited() (Model, tea.Cmd) {
	if d.state != Waiting || d.awaitsIndexing() || d.planning || !d.entriesPlanned() {
		return d, nil
	}
	// A quit asked while it waited still waits for its second key.
	asked := d.quitAgain
	d.state = Editing
	d, cmd := d.start(d.waitForce)
	d.quitAgain = asked
	return d, cmd
}
