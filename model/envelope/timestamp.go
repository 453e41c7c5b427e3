package envelope

import "time"

// The timestamp readers below replace time.Parse on the hot path: they read
// the fixed layouts the envelopes use straight from the bytes, without
// converting them to a string and without allocating.

// stamp describes an RFC 3339 timestamp read at the start of a line.
type stamp struct {
	t     time.Time
	n     int  // bytes consumed
	frac  int  // digits after the decimal point
	zulu  bool // ended in "Z"
	zoned bool // ended in "Z" or a numeric offset
}

// digits reads n ASCII digits at b[i:] as a decimal number.
func digits(b []byte, i, n int) (int, bool) {
	if i < 0 || i+n > len(b) {
		return 0, false
	}
	v := 0
	for _, c := range b[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// daysIn returns the number of days of month m in year y.
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// validDate reports whether the parts name a real day.
func validDate(y int, m time.Month, d int) bool {
	return m >= time.January && m <= time.December && d >= 1 && d <= daysIn(m, y)
}

// clock reads "HH:MM:SS" at b[i:] and returns the parts.
func clock(b []byte, i int) (h, m, s int, ok bool) {
	if i+8 > len(b) || b[i+2] != ':' || b[i+5] != ':' {
		return 0, 0, 0, false
	}
	h, ok1 := digits(b, i, 2)
	m, ok2 := digits(b, i+3, 2)
	s, ok3 := digits(b, i+6, 2)
	if !ok1 || !ok2 || !ok3 || h > 23 || m > 59 || s > 59 {
		return 0, 0, 0, false
	}
	return h, m, s, true
}

// fraction reads ".ddd..." at b[i:] and returns the nanoseconds, the number
// of digits and the bytes consumed (0 when there is no fraction). Digits past
// the ninth are read but ignored.
func fraction(b []byte, i int) (ns, nd, n int) {
	if i >= len(b) || b[i] != '.' {
		return 0, 0, 0
	}
	j := i + 1
	for j < len(b) && isDigit(b[j]) {
		if nd < 9 {
			ns = ns*10 + int(b[j]-'0')
		}
		nd++
		j++
	}
	if nd == 0 {
		return 0, 0, 0
	}
	for k := nd; k < 9; k++ {
		ns *= 10
	}
	return ns, nd, j - i
}

// zoneOffset reads "Z", "±HH:MM" or "±HHMM" at b[i:] and returns the offset in
// seconds east of UTC and the bytes consumed (0 when there is no zone).
func zoneOffset(b []byte, i int) (off, n int, zulu bool) {
	if i >= len(b) {
		return 0, 0, false
	}
	switch b[i] {
	case 'Z':
		return 0, 1, true
	case '+', '-':
	default:
		return 0, 0, false
	}
	h, ok := digits(b, i+1, 2)
	if !ok || h > 23 {
		return 0, 0, false
	}
	j := i + 3
	if j < len(b) && b[j] == ':' {
		j++
	}
	m, ok := digits(b, j, 2)
	if !ok || m > 59 {
		return 0, 0, false
	}
	off = h*3600 + m*60
	if b[i] == '-' {
		off = -off
	}
	return off, j + 2 - i, false
}

// parseRFC3339 reads "YYYY-MM-DDTHH:MM:SS[.frac][Z|±HH:MM|±HHMM]" at the
// start of b. A timestamp without a zone is taken in loc. Zoned times are
// returned in UTC: the instant is what matters, and the raw line keeps the
// writer's offset.
func parseRFC3339(b []byte, loc *time.Location) (stamp, bool) {
	if len(b) < 19 || b[4] != '-' || b[7] != '-' || b[10] != 'T' {
		return stamp{}, false
	}
	y, ok1 := digits(b, 0, 4)
	mo, ok2 := digits(b, 5, 2)
	d, ok3 := digits(b, 8, 2)
	h, mi, s, ok4 := clock(b, 11)
	if !ok1 || !ok2 || !ok3 || !ok4 || !validDate(y, time.Month(mo), d) {
		return stamp{}, false
	}
	ns, nd, fn := fraction(b, 19)
	off, zn, zulu := zoneOffset(b, 19+fn)
	st := stamp{n: 19 + fn + zn, frac: nd, zulu: zulu, zoned: zn > 0}
	if st.zoned {
		st.t = time.Date(y, time.Month(mo), d, h, mi, s, ns, time.UTC).Add(-time.Duration(off) * time.Second)
	} else {
		st.t = time.Date(y, time.Month(mo), d, h, mi, s, ns, loc)
	}
	return st, true
}

// monthAbbr maps the first three letters of an English month name to the
// month, or 0.
func monthAbbr(b []byte) time.Month {
	if len(b) < 3 {
		return 0
	}
	switch string(b[:3]) {
	case "Jan":
		return time.January
	case "Feb":
		return time.February
	case "Mar":
		return time.March
	case "Apr":
		return time.April
	case "May":
		return time.May
	case "Jun":
		return time.June
	case "Jul":
		return time.July
	case "Aug":
		return time.August
	case "Sep":
		return time.September
	case "Oct":
		return time.October
	case "Nov":
		return time.November
	case "Dec":
		return time.December
	}
	return 0
}

// inferYear places a month, day and clock that carry no year: the year of
// ref, unless that puts the moment more than a day after ref, in which case
// the line was written the year before (a December line read in January).
// February 29 goes back to the latest leap year.
func inferYear(mo time.Month, d, h, mi, s, ns int, loc *time.Location, ref time.Time) (time.Time, bool) {
	y := ref.In(loc).Year()
	for back := 0; back <= 4; back++ {
		if !validDate(y-back, mo, d) {
			continue
		}
		t := time.Date(y-back, mo, d, h, mi, s, ns, loc)
		if back > 0 || !t.After(ref.Add(24*time.Hour)) {
			return t, true
		}
	}
	return time.Time{}, false
}
