package query

import "time"

// Dateless is a time a query wrote without a date (since:23:00), and the
// moment it was taken as: the day it falls on is chosen by the data (see
// clockOnDataDay), and what chose it is not in the text, so an interface
// shows it.
type Dateless struct {
	Term string    // the term as written: since:23:00, time>=08:30
	At   time.Time // the moment it means
}

// DatelessTimes lists the query's times written without a date, in the
// order written; nil when it has none.
func (q *Query) DatelessTimes() []Dateless {
	if q == nil || len(q.dateless) == 0 {
		return nil
	}
	return append([]Dateless(nil), q.dateless...)
}

// DayTimeText writes t with its date, in loc, and its time of day as a
// time without a date is written: to the minute, with the seconds and the
// fraction it has ("2026-12-05 23:00", "2026-12-05 08:00:00.25"), to say
// which day such a time was taken on.
func DayTimeText(t time.Time, loc *time.Location) string {
	if t.Nanosecond() != 0 {
		return t.In(loc).Format(dayLayout + " 15:04:05.999999999")
	}
	return t.In(loc).Format(dayLayout) + " " + clockText(t, loc)
}
