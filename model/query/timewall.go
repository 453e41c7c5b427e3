package query

import (
	"fmt"
	"time"
)

// placeWall returns the moment whose wall clock in loc is wall's (a time
// read without a zone, held as UTC), or an error when there is no single
// one: an hour the clocks went back over happens twice, an hour they
// jumped over never happens. time.Date would pick one moment without a
// word, and a --since in the repeated hour would start an hour off.
func placeWall(s string, wall time.Time, loc *time.Location) (time.Time, error) {
	at, offsets := wallMoments(wall, loc)
	switch {
	case len(at) == 1:
		return at[0], nil
	case len(at) == 0:
		return time.Time{}, fmt.Errorf("%q never happened in %s: the clocks jumped over it; give the offset of the moment you mean, e.g. %s",
			s, zoneName(loc), withOffset(wall, offsets[0]))
	}
	return time.Time{}, fmt.Errorf("%q happened twice in %s (%s, then %s): give the offset of the one you mean, e.g. %s or %s",
		s, zoneName(loc), zoneOf(at[0]), zoneOf(at[1]), withOffset(wall, offsetOf(at[0])), withOffset(wall, offsetOf(at[1])))
}

// wallMoments returns the moments, earliest first, whose wall clock in loc
// is wall's — one for most, two in an hour the clocks went back over, none
// in one they jumped over — and the offsets in force around it, earliest
// first.
func wallMoments(wall time.Time, loc *time.Location) (at []time.Time, offsets []int) {
	// A day and more either side of the wall clock, read as UTC, holds
	// the offsets before and after any change near it: no zone is more
	// than 14 hours from UTC, and changes are months apart.
	for _, probe := range []time.Time{wall.Add(-26 * time.Hour), wall, wall.Add(26 * time.Hour)} {
		off := offsetOf(probe.In(loc))
		if len(offsets) > 0 && offsets[len(offsets)-1] == off {
			continue
		}
		offsets = append(offsets, off)
		if m := wall.Add(-time.Duration(off) * time.Second).In(loc); sameWall(m, wall) && !containsTime(at, m) {
			at = append(at, m)
		}
	}
	if len(at) == 2 && at[1].Before(at[0]) {
		at[0], at[1] = at[1], at[0]
	}
	return at, offsets
}

func offsetOf(t time.Time) int {
	_, off := t.Zone()
	return off
}

func containsTime(ts []time.Time, t time.Time) bool {
	for _, u := range ts {
		if u.Equal(t) {
			return true
		}
	}
	return false
}

// sameWall reports whether m, in its own location, reads as wall does in UTC.
func sameWall(m, wall time.Time) bool {
	return m.Year() == wall.Year() && m.YearDay() == wall.YearDay() && m.Hour() == wall.Hour() &&
		m.Minute() == wall.Minute() && m.Second() == wall.Second()
}

func zoneName(loc *time.Location) string {
	if loc == time.Local || loc.String() == "Local" {
		return "local time"
	}
	return loc.String()
}

// zoneOf names t's zone and offset: "CEST +02:00".
func zoneOf(t time.Time) string {
	name, _ := t.Zone()
	return name + " " + t.Format("-07:00")
}

// withOffset writes wall's clock followed by the offset off.
func withOffset(wall time.Time, off int) string {
	return wall.Format("2006-01-02T15:04:05") + time.Unix(0, 0).In(time.FixedZone("", off)).Format("-07:00")
}
