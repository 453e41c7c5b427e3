package triageview

import (
	"time"

	"connlog/model/query"
)

// How a view writes a time when its rows span more than a day: with the
// date, to the minute (22:51 and 00:29 of a night alone read as one
// day's); with the year too when they span more than a year's days.
const (
	datedClock = "01-02 15:04"
	yearClock  = "2006-01-02 15:04"
	// shortYearClock is yearClock where the room is short: 25-12-31.
	shortYearClock = "06-01-02 15:04"
)

// clockLayout is the layout of the times of a view's rows, times, the
// zero ones aside: "" (the time of day alone) when they fall on one
// calendar day in loc, datedClock when on several of one year, yearClock
// when on several years. Rows of another day than now's (yesterday's log)
// have their date, and rows of another year their year: a time of day
// alone reads as today's, a date alone as this year's. A zero now says
// nothing of the day.
func clockLayout(loc *time.Location, now time.Time, times []time.Time) string {
	var first time.Time
	reach := query.OneDay
	for _, t := range times {
		switch {
		case t.IsZero():
		case first.IsZero():
			first = t
		default:
			reach = max(reach, query.ReachOf(first, t, loc))
		}
	}
	if !first.IsZero() && !now.IsZero() {
		if n := query.ReachOf(first, now, loc); n == query.Years || reach == query.OneDay {
			reach = max(reach, n)
		}
	}
	return [...]string{query.OneDay: "", query.OneYear: datedClock, query.Years: yearClock}[reach]
}

// newDay reports whether the clock moved from was to now onto another
// calendar day in loc (or was set or cleared): the rows' layout, which
// depends on today's date, must be decided again.
func newDay(was, now time.Time, loc *time.Location) bool {
	if was.IsZero() || now.IsZero() {
		return was.IsZero() != now.IsZero()
	}
	return !query.SameDay(was, now, loc)
}
