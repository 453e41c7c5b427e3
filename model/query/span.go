package query

import "time"

// OutsideSpan explains why a time window selected nothing: when the window
// [since, until] (a zero end is open) misses the span of the data [first,
// last] entirely, it returns "no entries since 2026-12-02 08:00; the input
// spans 2026-11-20 08:00–09:12", with times in loc. A zero first means only the
// newest entry is known (a journal read with the window pushed down): then
// only a window after it is reported, "…; the input ends 2026-11-20 09:12".
// It returns "" when the window meets the span, when the window is open on
// both ends, or when the span is unknown. A time written without a date
// that fell on the wrong day is the usual cause, and the span says which
// day to write.
func OutsideSpan(since, until, first, last time.Time, loc *time.Location) string {
	return OutsideSpanOf("the input", since, until, first, last, loc)
}

// OutsideSpanOf is OutsideSpan with the span named what ("the input"):
// "the part held" once the memory budget evicted the oldest lines, whose
// times the span no longer covers.
func OutsideSpanOf(what string, since, until, first, last time.Time, loc *time.Location) string {
	if !since.IsZero() && !until.IsZero() && since.After(until) {
		return "no entries: the window ends before it begins (since " + whenText(since, loc) + ", until " + untilText(until, loc) + ")"
	}
	if since.IsZero() && until.IsZero() || last.IsZero() {
		return ""
	}
	before := !first.IsZero() && !until.IsZero() && until.Before(first)
	after := !since.IsZero() && since.After(last)
	if !before && !after {
		return ""
	}
	if first.IsZero() {
		return "no entries " + windowText(since, until, first, last, loc) + "; " + what + " ends " + last.In(loc).Format(dayMinuteLayout)
	}
	return "no entries " + windowText(since, until, first, last, loc) + "; " + what + " spans " + spanText(first, last, loc)
}

const (
	dayLayout       = "2006-01-02"
	minuteLayout    = "15:04"
	secondLayout    = "15:04:05"
	dayMinuteLayout = "2006-01-02 15:04"
)

// windowText names the window: by its day alone ("on 2026-12-02") when it
// lies within a day the data has no entry on, the usual mistake of a time
// on the wrong day; by its times otherwise ("since 2026-12-02 08:00", which
// shows the day a time without a date fell on, "from 2026-11-20 10:00 to
// 11:00", "up to …"), for an open window or one on a day of the data (from
// its first entry's to its last's; the last's alone when the first is not
// known): that day named alone would say the data has nothing on it.
func windowText(since, until, first, last time.Time, loc *time.Location) string {
	sinceText := whenText(since, loc)
	switch {
	case since.IsZero():
		return "up to " + untilText(until, loc)
	case until.IsZero():
		return "since " + sinceText
	case !SameDay(since, until, loc):
		return "from " + sinceText + " to " + untilText(until, loc)
	case onDataDays(since, first, last, loc):
		return "from " + sinceText + " to " + clockText(until, loc)
	}
	return "on " + since.In(loc).Format(dayLayout)
}

// onDataDays reports whether the day of t is one the span [first, last]
// covers, from its first day to its last (the last's alone when first is
// zero).
func onDataDays(t, first, last time.Time, loc *time.Location) bool {
	day := dayOf(t, loc)
	if first.IsZero() {
		first = last
	}
	return !day.Before(dayOf(first, loc)) && !day.After(dayOf(last, loc))
}

// dayOf is the midnight that begins t's day in loc.
func dayOf(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// whenText writes a bound as it was likely written: its day alone at
// midnight ("2026-12-02"), else with its minute, and its second when it
// has one ("2026-12-02 10:00:02").
func whenText(t time.Time, loc *time.Location) string {
	if atMidnight(t, loc) {
		return t.In(loc).Format(dayLayout)
	}
	return t.In(loc).Format(dayLayout) + " " + clockText(t, loc)
}

// untilText writes an until bound as whenText does, but midnight with its
// time ("2026-12-02 00:00"): the day alone would read as the whole day,
// which an until bound at its start does not reach.
func untilText(t time.Time, loc *time.Location) string {
	if atMidnight(t, loc) {
		return t.In(loc).Format(dayMinuteLayout)
	}
	return whenText(t, loc)
}

// atMidnight reports whether t begins its day in loc.
func atMidnight(t time.Time, loc *time.Location) bool {
	h, m, s := t.In(loc).Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}

// clockText is "10:00", or "10:00:02" when the time has seconds.
func clockText(t time.Time, loc *time.Location) string {
	if t.In(loc).Second() != 0 {
		return t.In(loc).Format(secondLayout)
	}
	return t.In(loc).Format(minuteLayout)
}

// SpanText names the span of the data [first, last] in loc as OutsideSpan
// does (see spanText), for the other notes that say where the data lies.
func SpanText(first, last time.Time, loc *time.Location) string { return spanText(first, last, loc) }

// spanText is "2026-11-20 08:00–09:12", or both dates when the span
// crosses midnight, or with seconds when it lies within a minute
// ("2026-11-20 08:00:00–08:00:41", not "08:00–08:00").
func spanText(first, last time.Time, loc *time.Location) string {
	if first.In(loc).Truncate(time.Minute).Equal(last.In(loc).Truncate(time.Minute)) {
		return first.In(loc).Format(dayLayout+" "+secondLayout) + "–" + last.In(loc).Format(secondLayout)
	}
	if SameDay(first, last, loc) {
		return first.In(loc).Format(dayMinuteLayout) + "–" + last.In(loc).Format(minuteLayout)
	}
	return first.In(loc).Format(dayMinuteLayout) + " – " + last.In(loc).Format(dayMinuteLayout)
}

// SameDay reports whether a and b fall on one calendar day in loc.
func SameDay(a, b time.Time, loc *time.Location) bool { return dayOf(a, loc).Equal(dayOf(b, loc)) }

// NeedsDates reports whether times from first to last need their date
// besides the time of day: they fall on several days, or on another day
// than now's (yesterday's log), where a time of day alone reads as
// today's. A zero now says nothing of the day.
func NeedsDates(first, last, now time.Time, loc *time.Location) bool {
	return !SameDay(first, last, loc) || !now.IsZero() && !SameDay(last, now, loc)
}

// Reach is how far apart times are on the calendar, which says what a
// view writes of them besides the time of day: 22:51 and 00:29 of a night
// alone read as one day's, 12-31 and 01-01 as one year's.
type Reach int

// The reaches, nearest first.
const (
	OneDay  Reach = iota // the time of day says it
	OneYear              // the date is needed
	Years                // the year is needed too
)

// ReachOf is how far apart a and b are in loc.
func ReachOf(a, b time.Time, loc *time.Location) Reach {
	switch {
	case a.In(loc).Year() != b.In(loc).Year():
		return Years
	case SameDay(a, b, loc):
		return OneDay
	}
	return OneYear
}
