package query

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// timeFormats is the usage text for a time that could not be read.
const timeFormats = `use a duration ago (15m or -15m, 2h, 1d), a date and time (2026-11-20T08:00, "2026-11-20 08:00:00", ` +
	`2026-11-20T08:00:00Z), a time on the day of the data (14:05), now, today, yesterday, or @epoch-seconds`

// errTooLongAgo is a relative time beyond what time.Duration holds.
var errTooLongAgo = errors.New("too long ago (at most about 290 years)")

// zonedLayouts carry their own zone offset; localLayouts are read in the
// caller's location.
var (
	zonedLayouts = []string{
		"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00",
	}
	localLayouts = []string{
		"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04",
		"2006-01-02", "2006/01/02 15:04:05", "2006/01/02 15:04", "2006/01/02",
	}
	clockLayouts = []string{"15:04:05", "15:04"}
)

// ParseTime reads a time as since: and until: take it: a duration meaning
// that long before opt.Now (15m, -15m, 1h30m, 1d), a date with an optional time
// (2026-11-20, 2026-11-20T08:00, "2026-11-20 08:00:00", RFC 3339 with a
// zone, newt's 2026/11/20 08:00:00), a clock time meaning that time on
// opt.Day (14:05, 14:05:30), the words now, today and yesterday, or @
// followed by Unix seconds. Times without a zone are in opt.Location
// (time.Local when nil). A zero Now means the current time, a zero Day the
// day of Now. Seconds may have a fraction (08:00:00.250).
func ParseTime(s string, opt Options) (time.Time, error) {
	opt = opt.withDefaults()
	s = strings.TrimSpace(s)
	if t, ok := parseNamedTime(s, opt.Now); ok {
		return t, nil
	}
	if t, ok, err := parseRelativeTime(s, opt.Now); ok || err != nil {
		return t, err
	}
	if t, ok, err := parseAbsoluteTime(s, opt); ok {
		return t, err
	}
	return time.Time{}, fmt.Errorf("%q is not a time — %s", s, timeFormats)
}

// NeedsDay reports whether s is a clock time without a date (08:00,
// 08:00:30.5), whose meaning depends on Options.Day.
func NeedsDay(s string) bool {
	_, ok := parseClock(strings.TrimSpace(s))
	return ok
}

// parseNamedTime reads now, today, yesterday and @epoch-seconds.
func parseNamedTime(s string, now time.Time) (time.Time, bool) {
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	switch strings.ToLower(s) {
	case "now":
		return now, true
	case "today":
		return midnight, true
	case "yesterday":
		return midnight.AddDate(0, 0, -1), true
	}
	if rest, ok := strings.CutPrefix(s, "@"); ok {
		n, unit, ok := splitNumber(rest)
		if !ok || unit != "" || math.Abs(n) > 1e11 {
			return time.Time{}, false
		}
		sec, frac := math.Modf(n)
		return time.Unix(int64(sec), int64(frac*1e9)).In(now.Location()), true
	}
	return time.Time{}, false
}

// parseRelativeTime reads a duration as that long before now. ok is false
// when s is not a duration; err is set when it is one too long to represent.
func parseRelativeTime(s string, now time.Time) (time.Time, bool, error) {
	// -15m says "ago" as journalctl's --since -15m does; 15m means the same.
	// A time to come (+1h) is never a bound of logs already written.
	s = strings.TrimPrefix(s, "-")
	if s == "" || s[0] == '-' || s[0] == '+' {
		return time.Time{}, false, nil
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return time.Time{}, false, nil // a bare number has no unit: not a duration
	}
	ms, ok := parseDurationMS(s)
	if !ok {
		return time.Time{}, false, nil
	}
	const maxMS = float64(math.MaxInt64 / int64(time.Millisecond))
	if ms > maxMS {
		return time.Time{}, false, fmt.Errorf("%q is %w", s, errTooLongAgo)
	}
	return now.Add(-time.Duration(ms * float64(time.Millisecond))), true, nil
}

// parseAbsoluteTime reads dates, date-times and clock times; a clock time
// falls on the day of the data (see clockOnDataDay).
// A date and time without a zone that names no single moment in the
// location (see placeWall) is an error.
func parseAbsoluteTime(s string, opt Options) (time.Time, bool, error) {
	loc := opt.Location
	for _, layout := range zonedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, nil
		}
	}
	for _, layout := range localLayouts {
		if wall, err := time.Parse(layout, s); err == nil {
			t, err := placeWall(s, wall, loc)
			return t, true, err
		}
	}
	if c, ok := parseClock(s); ok {
		t, err := clockOnDataDay(s, c, opt)
		return t, true, err
	}
	return time.Time{}, false, nil
}

// clockOnDataDay places the time of day c on opt.Day, or on the day next
// to it when that moment is outside the data (opt.First to opt.Last) and
// the next day's is in it: a log that runs past midnight (logrotate's daily
// file, 06:25 to 06:25) read the morning after has its 23:00 the evening
// before, not in a night it never reaches, and read from a row of its first
// evening, its 00:30 after midnight. On a log of one day, a time outside it
// stays on its day, and the window says it misses the data.
func clockOnDataDay(s string, c time.Time, opt Options) (time.Time, error) {
	loc := opt.Location
	y, m, d := opt.Day.In(loc).Date()
	wall := func(d int) time.Time { // the clock on day d, as read: no zone yet
		return time.Date(y, m, d, c.Hour(), c.Minute(), c.Second(), c.Nanosecond(), time.UTC)
	}
	at := func(w time.Time) time.Time { // a moment of that wall clock, to compare
		return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
	}
	w := wall(d)
	if opt.First.IsZero() || opt.Last.IsZero() {
		return placeWall(s, w, loc)
	}
	var next time.Time
	switch t := at(w); {
	case t.After(opt.Last):
		next = wall(d - 1)
	case t.Before(opt.First):
		next = wall(d + 1)
	default:
		return placeWall(s, w, loc)
	}
	if t := at(next); t.Before(opt.First) || t.After(opt.Last) {
		return placeWall(s, w, loc)
	}
	return placeWall(s, next, loc)
}

// parseClock reads a time of day without a date.
func parseClock(s string) (time.Time, bool) {
	for _, layout := range clockLayouts {
		if c, err := time.Parse(layout, s); err == nil {
			return c, true
		}
	}
	return time.Time{}, false
}
