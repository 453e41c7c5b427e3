package model

import (
	"math"
	"time"
)

// noTime is the row time of an entry without a time (the zero time.Time).
// UnixNano cannot express the zero time: its nanoseconds overflow int64,
// and time.Unix would read them back as a day of 1754. noTime sorts before
// every time a row holds, as the zero time sorts before every time.
const noTime = math.MinInt64

// rowTimeOf returns t as a row's time (unix nanoseconds), noTime for the
// zero time. The one real time whose nanoseconds are noTime (in 1677) is
// kept a nanosecond later, so that it still reads back as a time.
func rowTimeOf(t time.Time) int64 {
	if t.IsZero() {
		return noTime
	}
	if ns := t.UnixNano(); ns != noTime {
		return ns
	}
	return noTime + 1
}

// timeOfRow returns the entry time of a row's time ns: the zero time for
// noTime.
func timeOfRow(ns int64) time.Time {
	if ns == noTime {
		return time.Time{}
	}
	return time.Unix(0, ns)
}
