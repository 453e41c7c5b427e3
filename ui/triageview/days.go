package triageview

import "time"

// datedClock is how a view writes a time when its rows span more than a
// day: with the date, to the minute (22:51 and 00:29 of a night alone
// read as one day's).
const datedClock = "01-02 15:04"

// spansDays reports whether times, the zero ones aside, fall on more than
// one calendar day in loc.
func spansDays(loc *time.Location, times []time.Time) bool {
	var day time.Time
	for _, t := range times {
		if t.IsZero() {
			continue
		}
		y, m, d := t.In(loc).Date()
		switch on := time.Date(y, m, d, 0, 0, 0, 0, loc); {
		case day.IsZero():
			day = on
		case !on.Equal(day):
			return true
		}
	}
	return false
}
