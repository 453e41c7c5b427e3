package payload

import (
	"sync/atomic"
	"time"
)

// minPlausibleYear is the first year a record's own time may fall in:
// earlier times are a clock not yet set (a board without a real-time
// clock boots in 1970), a zero or a garbled value, never the time an
// event on a connector host happened.
const minPlausibleYear = 1990

// maxFutureSkew is how far past now a record's own time may be.
const maxFutureSkew = 365 * 24 * time.Hour

// plausibleTime reports whether t may be the time a record was written:
// from minPlausibleYear up to maxFutureSkew past now. A record whose time
// is not is timed as a record without one (by its envelope, or after the
// line before it), rather than placed decades away from its neighbours.
//
// Every connection event asks it, on every decoding goroutine: the usual
// answer comes from two comparisons of t's Unix seconds, without working
// out t's calendar year or reading the clock (5% of an event's index).
func plausibleTime(t time.Time) bool {
	return fromPlausibleYear(t) && !tooFarAhead(t)
}

// sureYearFrom is a Unix time two days into minPlausibleYear: a time from
// it on falls in that year or later in every zone (no offset is a day).
var sureYearFrom = time.Date(minPlausibleYear, time.January, 3, 0, 0, 0, 0, time.UTC).Unix()

// fromPlausibleYear reports whether t, in its own zone, falls in
// minPlausibleYear or later.
func fromPlausibleYear(t time.Time) bool {
	return t.Unix() >= sureYearFrom || t.Year() >= minPlausibleYear
}

// aheadLimit is a second at or before now + maxFutureSkew as the clock
// read it last (Unix seconds; 0 until it is first read): the limit only
// moves on, so a time before it is within the limit now too.
var aheadLimit atomic.Int64

// tooFarAhead reports whether t lies more than maxFutureSkew past now. The
// clock is read only for a time at or past the limit it gave last.
// (Should the clock be set back, times up to the old limit still pass:
// by as much as it was set back, on top of a year.)
func tooFarAhead(t time.Time) bool {
	if t.Unix() < aheadLimit.Load() {
		return false
	}
	limit := time.Now().Add(maxFutureSkew)
	aheadLimit.Store(limit.Unix())
	return t.After(limit)
}
