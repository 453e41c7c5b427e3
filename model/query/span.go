package query

import "time"

// OutsideSpan explains why a time window selected nothing: when the window
// [since, until] (a zero end is open) misses the span of the data [first,
// last] entirely, it returns "no entries on 2026-12-02; the input spans
// 2026-11-20 08:00–09:12", with times in loc. A zero first means only the
// newest entry is known (a journal read with the window pushed down): then
// only a window after it is reported, "…; the input ends 2026-11-20 09:12".
// It returns "" when the window meets the span, when the window is open on
// both ends, or when the span is unknown. A time written without a date
// that fell on the wrong day is the usual cause, and the span says which
// day to write.
func OutsideSpan(since, until, first, last time.Time, loc *time.Location) string {
	if since.IsZero() && until.IsZero() || last.IsZero() {
		return ""
	}
	before := !first.IsZero() && !until.IsZero() && until.Before(first)
	after := !since.IsZero() && since.After(last)
	if !before && !after {
		return ""
	}
	if first.IsZero() {
		return "no entries " + windowDays(since, until, loc) + "; the input ends " + last.In(loc).Format(dayMinuteLayout)
	}
	return "no entries " + windowDays(since, until, loc) + "; the input spans " + spanText(first, last, loc)
}

const (
	dayLayout       = "2006-01-02"
	minuteLayout    = "15:04"
	dayMinuteLayout = "2006-01-02 15:04"
)

// windowDays names the day or days of the window: "on 2026-12-02", or
// "from 2026-12-02 08:00 to 2026-12-03 09:00" when it crosses midnight.
func windowDays(since, until time.Time, loc *time.Location) string {
	switch {
	case since.IsZero():
		return "up to " + until.In(loc).Format(dayMinuteLayout)
	case until.IsZero() || sameDay(since, until, loc):
		return "on " + since.In(loc).Format(dayLayout)
	}
	return "from " + since.In(loc).Format(dayMinuteLayout) + " to " + until.In(loc).Format(dayMinuteLayout)
}

// spanText is "2026-11-20 08:00–09:12", or both dates when the span
// crosses midnight.
func spanText(first, last time.Time, loc *time.Location) string {
	if sameDay(first, last, loc) {
		return first.In(loc).Format(dayMinuteLayout) + "–" + last.In(loc).Format(minuteLayout)
	}
	return first.In(loc).Format(dayMinuteLayout) + " – " + last.In(loc).Format(dayMinuteLayout)
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	ay, am, ad := a.In(loc).Date()
	by, bm, bd := b.In(loc).Date()
	return ay == by && am == bm && ad == bd
}
