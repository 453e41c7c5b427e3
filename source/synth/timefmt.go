package synth

import "time"

// Civil-date arithmetic on Unix nanoseconds, so that timestamps in UTC can be
// formatted without building a time.Time per line.

// civil splits Unix seconds into a UTC date and time of day (Howard Hinnant's
// days-from-civil inverse).
func civil(sec int64) (year, month, day, hour, minute, second int) {
	days := sec / 86400
	rem := sec % 86400
	if rem < 0 {
		rem += 86400
		days--
	}
	hour, minute, second = int(rem/3600), int(rem%3600/60), int(rem%60)
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	month = int(mp + 3)
	if month > 12 {
		month -= 12
	}
	year = int(yoe + era*400)
	if month <= 2 {
		year++
	}
	return
}

// AppendRFC3339 writes ns (Unix nanoseconds) as UTC RFC 3339 with digits
// fractional digits (0-9) and a trailing Z. With trim, trailing zeros of the
// fraction are dropped as time.RFC3339Nano does.
func AppendRFC3339(b []byte, ns int64, digits int, trim bool) []byte {
	sec, frac := ns/1e9, ns%1e9
	if frac < 0 {
		frac += 1e9
		sec--
	}
	y, mo, d, h, mi, s := civil(sec)
	b = appendYear(b, y)
	b = append(b, '-')
	b = appendPad2(b, mo)
	b = append(b, '-')
	b = appendPad2(b, d)
	b = append(b, 'T')
	b = appendClock(b, h, mi, s)
	b = appendFraction(b, frac, digits, trim)
	return append(b, 'Z')
}

func appendYear(b []byte, y int) []byte {
	if y < 0 || y > 9999 {
		y = 0
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
}

func appendClock(b []byte, h, mi, s int) []byte {
	b = appendPad2(b, h)
	b = append(b, ':')
	b = appendPad2(b, mi)
	b = append(b, ':')
	return appendPad2(b, s)
}

// appendFraction writes "." and the first digits of a nanosecond fraction.
func appendFraction(b []byte, frac int64, digits int, trim bool) []byte {
	if digits <= 0 {
		return b
	}
	var tmp [9]byte
	for i := 8; i >= 0; i-- {
		tmp[i] = byte('0' + frac%10)
		frac /= 10
	}
	out := tmp[:digits]
	if trim {
		for len(out) > 0 && out[len(out)-1] == '0' {
			out = out[:len(out)-1]
		}
		if len(out) == 0 {
			return b
		}
	}
	b = append(b, '.')
	return append(b, out...)
}

// appendNewtStamp writes ns in loc as "YYYY/MM/DD HH:MM:SS", the time
// newt's logger puts in front of each line.
func appendNewtStamp(b []byte, ns int64, loc *time.Location) []byte {
	t := time.Unix(0, ns).In(loc)
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	b = appendYear(b, y)
	b = append(b, '/')
	b = appendPad2(b, int(mo))
	b = append(b, '/')
	b = appendPad2(b, d)
	b = append(b, ' ')
	return appendClock(b, h, mi, s)
}
