package table

import (
	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// timeCell shows the time to the millisecond, with the date in front when
// it differs from the previous row's (and its year when not this year);
// the first row of the view has it, and so has the top row on screen
// while the rows need their day said (datesEveryScreen), so that no
// screen of a week's log, or of yesterday's, shows times whose day it
// does not say.
func (t Model) timeCell(i int, e *model.Entry) string {
	if e.Time.IsZero() { // a line that has no time and was given none
		return noTimeCell
	}
	d := t.data
	at := e.Time.In(d.Location)
	if i > 0 && (i != t.top || !t.datesEveryScreen()) {
		prev := d.View.At(i - 1)
		if d.Snapshot.Has(prev) && query.SameDay(d.Snapshot.Time(prev), at, d.Location) {
			return at.Format(timeOfDayLayout)
		}
	}
	if d.Year != 0 && at.Year() != d.Year {
		return at.Format("2006-01-02 " + timeOfDayLayout)
	}
	return at.Format("01-02 " + timeOfDayLayout)
}

// datesEveryScreen reports whether every screen of the view must say the
// day of its rows: they span days, or they are of another day than
// today's, where a time of day alone reads as today's. It asks the span
// of the times the store holds, not the view's first and last rows: rows
// need not be in time order (two files read together, a clock set back,
// yesterday's lines appended after today's), and the first or last may
// have no time. A filtered view may so say its day where its own rows
// would not need it, never the other way.
func (t Model) datesEveryScreen() bool {
	d := t.data
	if d.len() == 0 || d.Snapshot == nil {
		return false
	}
	first, last := d.Snapshot.HeldSpan()
	if last.IsZero() {
		return false // no row has a time: none shows one
	}
	return query.NeedsDates(first, last, d.Now, d.Location)
}

// noTimeCell is the time cell of an entry without a time.
const noTimeCell = "--:--:--.---"

// timeOfDayLayout is a time cell without its date, timeOfDayWidth cells.
const (
	timeOfDayLayout = "15:04:05.000"
	timeOfDayWidth  = len(timeOfDayLayout)
)

// A time cell of another year than this one: yearCellWidth cells, or
// yearSecondWidth without its milliseconds, which a column too narrow
// for all of it gives up first, keeping the year and the date.
const (
	yearCellWidth   = len("2006-01-02 " + timeOfDayLayout)
	yearSecondWidth = len("2006-01-02 15:04:05")
)

// timeOfDay fits a time cell into w cells: a time of another year gives
// up its milliseconds first; a date that does not fit gives way, so that
// the time of day, its last timeOfDayWidth cells, stays whole.
func timeOfDay(cell string, w int) string {
	switch {
	case theme.CellWidth(cell) <= w:
	case len(cell) == yearCellWidth && w >= yearSecondWidth:
		cell = cell[:yearSecondWidth]
	case len(cell) > timeOfDayWidth:
		cell = cell[len(cell)-timeOfDayWidth:]
	}
	return theme.Fit(cell, w)
}

// datedMin is the least width of a time column whose widest cell is
// natural wide that keeps the cells' dates: a year's without its
// milliseconds (see timeOfDay).
func datedMin(natural int) int {
	if natural >= yearCellWidth {
		return yearSecondWidth
	}
	return natural
}
