package payload

import (
	"math"
	"strconv"
	"time"
)

// parseISO reads an ISO-8601 / RFC 3339 timestamp: a date, "T" or a space,
// hh:mm with optional :ss and fraction, and an optional zone (Z, ±hh:mm,
// ±hhmm, ±hh). A time without a zone is UTC, which is what the producers
// that omit it (AQtive Guard's created_at) document. The result is in UTC;
// building it by hand avoids time.Parse's allocation of a zone per offset.
// It returns the number of bytes read so that callers can parse a prefix.
func parseISO(s string) (time.Time, int, bool) {
	t, n, _, ok := parseISOZone(s)
	return t, n, ok
}

// minISOLen is the length of the shortest time parseISO reads, to the
// minute: "2026-12-07T10:00".
const minISOLen = 16

// parseISOZone is parseISO that also reports whether the time carried a
// zone: a caller that knows the writer's location can then place a
// zone-less time there instead of in UTC.
func parseISOZone(s string) (time.Time, int, bool, bool) {
	if len(s) < minISOLen || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' {
		return time.Time{}, 0, false, false
	}
	year, ok1 := atoiN(s[0:4])
	month, ok2 := atoiN(s[5:7])
	day, ok3 := atoiN(s[8:10])
	hour, ok4 := atoiN(s[11:13])
	minute, ok5 := atoiN(s[14:16])
	if !(ok1 && ok2 && ok3 && ok4 && ok5) || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 {
		return time.Time{}, 0, false, false
	}
	i, sec, nsec := 16, 0, 0
	if i+3 <= len(s) && s[i] == ':' {
		v, ok := atoiN(s[i+1 : i+3])
		if !ok || v > 60 {
			return time.Time{}, 0, false, false
		}
		sec, i = v, i+3
		if i < len(s) && (s[i] == '.' || s[i] == ',') {
			nsec, i = fraction(s, i+1)
			if nsec < 0 {
				return time.Time{}, 0, false, false
			}
		}
	}
	offset, n, ok := zoneOffset(s[i:])
	if !ok {
		return time.Time{}, 0, false, false
	}
	zoned := n > 0
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if t.Day() != day {
		return time.Time{}, 0, false, false // 31 February and the like
	}
	return t.Add(-time.Duration(offset) * time.Second), i + n, zoned, true
}

// fraction reads up to nine digits of a fraction of a second (more are
// read and ignored); it returns -1 nanoseconds when there is no digit.
func fraction(s string, i int) (int, int) {
	start, ns, scale := i, 0, 100000000
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		ns += int(s[i]-'0') * scale
		scale /= 10
		i++
	}
	if i == start {
		return -1, i
	}
	return ns, i
}

// zoneOffset reads an optional zone suffix and returns its offset east of
// UTC in seconds and its length.
func zoneOffset(s string) (int, int, bool) {
	if s == "" {
		return 0, 0, true
	}
	switch s[0] {
	case 'Z', 'z':
		return 0, 1, true
	case '+', '-':
	default:
		return 0, 0, true // no zone; whatever follows is the caller's
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	h, ok := atoiN(safeSlice(s, 1, 3))
	if !ok || h > 23 {
		return 0, 0, false
	}
	n, m := 3, 0
	if len(s) >= 6 && s[3] == ':' {
		m, ok = atoiN(s[4:6])
		n = 6
	} else if len(s) >= 5 && s[3] >= '0' && s[3] <= '9' {
		m, ok = atoiN(s[3:5])
		n = 5
	}
	if !ok || m > 59 {
		return 0, 0, false
	}
	return sign * (h*3600 + m*60), n, true
}

func safeSlice(s string, i, j int) string {
	if j > len(s) {
		return ""
	}
	return s[i:j]
}

// atoiN parses a short run of decimal digits; it refuses anything else.
func atoiN(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Epoch magnitudes: a number below 1e11 is seconds (up to the year 5138),
// below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds.
const (
	epochSecondsBelow = 1e11
	epochMillisBelow  = 1e14
	epochMicrosBelow  = 1e17
)

// epochByMagnitude turns an epoch number in s, ms, µs or ns into a time,
// guessing the unit from its size, as generic JSON loggers use all four.
func epochByMagnitude(v float64) (time.Time, bool) {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0) || a >= 9.2e18:
		return time.Time{}, false
	case a < epochSecondsBelow:
		return epochSeconds(v)
	case a < epochMillisBelow:
		return epochMillis(v)
	case a < epochMicrosBelow:
		return time.UnixMicro(int64(v)).UTC(), true
	}
	return time.Unix(0, int64(v)).UTC(), true
}

// epochSeconds converts fractional epoch seconds, keeping the fraction to
// the microsecond (what a float64 holds for current dates).
func epochSeconds(v float64) (time.Time, bool) {
	if math.IsNaN(v) || math.Abs(v) >= epochSecondsBelow {
		return time.Time{}, false
	}
	sec, frac := math.Modf(v)
	us := math.Round(frac * 1e6)
	return time.Unix(int64(sec), int64(us)*1000).UTC(), true
}

// epochMillis converts epoch milliseconds, as in Twingate's timestamp.
func epochMillis(v float64) (time.Time, bool) {
	if math.IsNaN(v) || math.Abs(v) >= epochMillisBelow*10 {
		return time.Time{}, false
	}
	ms, frac := math.Modf(v)
	return time.UnixMilli(int64(ms)).Add(time.Duration(math.Round(frac*1e6)) * time.Nanosecond).UTC(), true
}

// timeOf reads a time from a JSON scalar: an ISO-8601 string, or an epoch
// number (or numeric string) whose unit is guessed from its size.
func timeOf(v scalar) (time.Time, bool) {
	switch v.kind {
	case kindNumber:
		if t, ok := epochInteger(v.text); ok {
			return t, true
		}
		if v.isNum {
			return epochByMagnitude(v.num)
		}
	case kindString:
		if t, n, ok := parseISO(v.text); ok && n == len(v.text) {
			return t, true
		}
		if t, ok := epochInteger(v.text); ok {
			return t, true
		}
		if f, ok := parseNumber(v.text); ok {
			return epochByMagnitude(f)
		}
	}
	return time.Time{}, false
}

// epochInteger reads an integer epoch exactly: a float64 cannot hold
// nanoseconds since 1970 without rounding them.
func epochInteger(s string) (time.Time, bool) {
	if !isPlainInt(s) {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	a := n
	if a < 0 {
		a = -a
	}
	switch {
	case a < epochSecondsBelow:
		return time.Unix(n, 0).UTC(), true
	case a < epochMillisBelow:
		return time.UnixMilli(n).UTC(), true
	case a < epochMicrosBelow:
		return time.UnixMicro(n).UTC(), true
	}
	return time.Unix(0, n).UTC(), true
}
