package triageview

import (
	"time"

	"connlog/model/query"
)

// datedClock is how a view writes a time when its rows span more than a
// day: with the date, to the minute (22:51 and 00:29 of a night alone
// read as one day's).
const datedClock = "01-02 15:04"

// spansDays reports whether times, the zero ones aside, fall on more than
// one calendar day in loc.
func spansDays(loc *time.Location, times []time.Time) bool {
	var first time.Time
	for _, t := range times {
		switch {
		case t.IsZero():
		case first.IsZero():
			first = t
		case !query.SameDay(first, t, loc):
			return true
		}
	}
	return false
}
