package envelope

import (
	"encoding/binary"
	"time"
)

// StampCache remembers the last zoned RFC 3339 timestamp read to the second,
// so that the next line stamped within the same second reads only its
// fraction and zone: a log's consecutive lines mostly share their date and
// clock, and reading those was half the cost of a `docker logs -t` line.
// A line of the same day but another second reads only its clock: the
// date, validated once, is not read again.
// A StampCache belongs to one goroutine; give each decoder its own.
type StampCache struct {
	prefix stampPrefix // "YYYY-MM-DDTHH:MM:SS" of the cached stamp
	sec    int64       // its Unix seconds, read as UTC
	day    int64       // the Unix seconds of its date's midnight, read as UTC
	valid  bool
}

// stampPrefix holds the 19 bytes of a stamp's date and clock as three
// words (the last two overlap), compared at once rather than byte by byte;
// its first word and the 'T' at bytes 8–10 of the second name the day.
type stampPrefix [3]uint64

// prefixOf loads the date and clock of b, which has at least 19 bytes.
func prefixOf(b []byte) stampPrefix {
	return stampPrefix{binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:]), binary.LittleEndian.Uint64(b[11:])}
}

// dayMask keeps the bytes of a prefix's second word that belong to the
// date, "DDT" (bytes 8, 9 and 10 of the stamp).
const dayMask = 1<<24 - 1

// sameDay reports whether p and q name the same "YYYY-MM-DDT".
func (p stampPrefix) sameDay(q stampPrefix) bool {
	return p[0] == q[0] && p[1]&dayMask == q[1]&dayMask
}

// utcStamp reads a zoned RFC 3339 timestamp at the start of b as
// parseRFC3339(b, time.UTC) does, using and refreshing the context's cache.
func (c *Context) utcStamp(b []byte) (stamp, bool) {
	sc := c.Stamps
	if sc == nil || len(b) < 19 {
		return parseRFC3339(b, time.UTC)
	}
	p := prefixOf(b)
	if sc.valid && p == sc.prefix {
		return sc.sameSecond(b)
	}
	if sc.valid && p.sameDay(sc.prefix) {
		if st, ok := sc.sameDay(b, p); ok {
			return st, true
		}
	}
	st, ok := parseRFC3339(b, time.UTC)
	if ok && st.zoned {
		h, m, s, _ := clock(b, 11)
		sc.prefix, sc.valid = p, true
		sc.sec = st.t.Unix() + zoneSeconds(b, 19)
		sc.day = sc.sec - int64(h*3600+m*60+s)
	}
	return st, ok
}

// sameSecond reads a stamp whose date and clock are the cached ones.
func (sc *StampCache) sameSecond(b []byte) (stamp, bool) {
	if st, ok := zonedAt(b, sc.sec); ok {
		return st, true
	}
	// A zone-less stamp is read in a location, not UTC.
	return parseRFC3339(b, time.UTC)
}

// zonedAt reads the fraction and zone after a stamp's clock, which reads
// as Unix seconds sec in UTC, and reports false when there is no zone.
func zonedAt(b []byte, sec int64) (stamp, bool) {
	if ns, ok := dockerNanos(b); ok {
		return dockerStampAt(sec, ns), true
	}
	ns, nd, fn := fraction(b, 19)
	off, zn, zulu := zoneOffset(b, 19+fn)
	if zn == 0 {
		return stamp{}, false
	}
	t := time.Unix(sec, int64(ns)).UTC().Add(-time.Duration(off) * time.Second)
	return stamp{t: t, n: 19 + fn + zn, frac: nd, zulu: zulu, zoned: true}, true
}

// sameSecondDocker reads a stamp as the Docker daemon writes it
// ("2023-09-15T12:03:47.692712516Z", dockerStampLen bytes) within the
// cached second: the time parseRFC3339 gives it. It reports false for any
// other stamp, and on a nil cache.
func (sc *StampCache) sameSecondDocker(b []byte) (time.Time, bool) {
	if sc == nil || !sc.valid || len(b) < dockerStampLen || prefixOf(b) != sc.prefix {
		return time.Time{}, false
	}
	ns, ok := dockerNanos(b)
	return time.Unix(sc.sec, ns).UTC(), ok
}

// sameDay reads a stamp whose date is the cached one and whose clock is
// not, and caches its second. It reports false for a stamp parseRFC3339
// must read: one without a zone, or with a clock it rejects.
func (sc *StampCache) sameDay(b []byte, p stampPrefix) (stamp, bool) {
	h, m, s, ok := clock(b, 11)
	if !ok {
		return stamp{}, false
	}
	sec := sc.day + int64(h*3600+m*60+s)
	st, ok := zonedAt(b, sec)
	if ok {
		sc.prefix, sc.sec = p, sec
	}
	return st, ok
}

// dockerNanos reads the ".nnnnnnnnnZ" that ends the stamps the Docker
// daemon writes (RFC3339NanoFixed) and returns its nanoseconds; it
// reports false for any other ending: those are read digit by digit.
func dockerNanos(b []byte) (int64, bool) {
	if len(b) < dockerStampLen || b[19] != '.' || b[29] != 'Z' {
		return 0, false
	}
	hi, ok := eightDigits(binary.LittleEndian.Uint64(b[20:28]))
	last := b[28]
	if !ok || last < '0' || last > '9' {
		return 0, false
	}
	return int64(hi)*10 + int64(last-'0'), true
}

// eightDigits reads w, eight bytes in the order of the text, as a decimal
// number, all at once: every line of a `docker logs -t` file has nine
// digits of nanoseconds. It reports false unless every byte is a digit.
func eightDigits(w uint64) (uint64, bool) {
	// A byte is a digit when its high nibble is 3 and adding 6 leaves it 3.
	if w&0xf0f0f0f0f0f0f0f0 != 0x3030303030303030 || (w+0x0606060606060606)&0xf0f0f0f0f0f0f0f0 != 0x3030303030303030 {
		return 0, false
	}
	w -= 0x3030303030303030
	w = w*10 + w>>8                                // pairs of digits, in every other byte
	w = (w&0x000000ff000000ff)*(100+1000000<<32) + // and quartets, then the whole
		(w>>16&0x000000ff000000ff)*(1+10000<<32)
	return w >> 32, true
}

// dockerStampAt is the stamp of dockerStampLen bytes that dockerNanos read,
// at Unix seconds sec.
func dockerStampAt(sec, ns int64) stamp {
	return stamp{t: time.Unix(sec, ns).UTC(), n: dockerStampLen, frac: 9, zulu: true, zoned: true}
}

// zoneSeconds returns the zone offset, in seconds east of UTC, of the stamp
// whose clock ends at b[i:] (after any fraction), so that the cache keeps
// the stamp's clock read as UTC whatever its zone.
func zoneSeconds(b []byte, i int) int64 {
	_, _, fn := fraction(b, i)
	off, _, _ := zoneOffset(b, i+fn)
	return int64(off)
}
