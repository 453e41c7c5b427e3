package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model/query"
)

// gotoTyped goes to the time typed in the go-to prompt (see goTo). A time
// written without a date falls on the day of the data by a rule the prompt
// does not show, and a row shows its time of day alone under a row of the
// same day: the day it landed on is said then (see sayLandedDay).
func (m Model) gotoTyped(text string, at time.Time) (tea.Model, tea.Cmd) {
	nm, cmd := m.gotoTime(at)
	landed := nm.(Model)
	landed.sayDayOfGoto(query.NeedsDay(text))
	return landed, cmd
}

// sayDayOfGoto says the day a go-to of a time without a date (dateless)
// landed on, or, while it waits for its time to be read, keeps that for
// when it lands.
func (m *Model) sayDayOfGoto(dateless bool) {
	switch {
	case !dateless:
	case m.gotoWait.active():
		m.gotoWait.dateless = true
	default:
		m.sayLandedDay()
	}
}

// sayLandedDay names the date and time of the row the cursor landed on,
// unless the row shows its date or another notice says where it stands
// (a time outside the rows, with its date).
func (m *Model) sayLandedDay() {
	sn, seq := m.store.Snapshot(), m.table.CursorSeq()
	if m.notice != "" || !sn.Has(seq) || m.table.CursorDated() {
		return
	}
	m.rowNote("at " + sn.Time(seq).In(m.loc()).Format("2006-01-02 15:04:05.000"))
}
