package ui

// The footer says, as the empty table does, why a time window finds
// nothing (see windowNote). The table's line is drawn from the entries
// read at each frame; the footer's is a notice, which would keep the span
// of the moment it was made: a big file's view is often built while only
// a part of it is read. So the note is made again as lines arrive, for as
// long as the footer shows it.

// sayWindowNote puts the window note of a view just built in the footer.
func (m *Model) sayWindowNote() {
	if note := m.windowNote(); note != "" {
		m.notice, m.windowSaid = note, note
		return
	}
	m.keepWindowNote()
}

// keepWindowNote brings the footer's window note up to date with the
// lines read: another span, or none once the window meets them. A view
// built before any line came says it once they do. A note a key has
// dismissed, or another notice, is left alone.
func (m *Model) keepWindowNote() {
	note := m.windowNote()
	switch {
	case m.windowSaid != "" && m.notice == m.windowSaid:
		m.notice, m.windowSaid = note, note
	case m.windowSaid == "" && m.notice == "" && note != "":
		m.notice, m.windowSaid = note, note
	}
}

// forgetWindowNote takes the window note of the filter being replaced
// off the footer: the next one's view says its own.
func (m *Model) forgetWindowNote() {
	if m.windowSaid != "" && m.notice == m.windowSaid {
		m.notice = ""
	}
	m.windowSaid = ""
}
