package ui

// A notice about the cursor's row, or about a move from it ("no warning
// after this row", where a go-to landed), is stale once the cursor moves
// on: the next move clears it. Other notices (a copy, an input that
// failed) stay while the cursor moves, until another key.

// rowNote shows a notice about the cursor's row or a move from it.
func (m *Model) rowNote(s string) { m.notice, m.rowNotice = s, s }

// dropRowNote clears the notice if it is still one about the row the
// cursor is leaving.
func (m *Model) dropRowNote() {
	if m.rowNotice != "" && m.notice == m.rowNotice {
		m.notice = ""
	}
	m.rowNotice = ""
}
