package envelope

import (
	"bytes"
	"time"
)

// StampCache remembers the last zoned RFC 3339 timestamp read to the second,
// so that the next line stamped within the same second reads only its
// fraction and zone: a log's consecutive lines mostly share their date and
// clock, and reading those was half the cost of a `docker logs -t` line.
// A StampCache belongs to one goroutine; give each decoder its own.
type StampCache struct {
	prefix [19]byte // "YYYY-MM-DDTHH:MM:SS" of the cached stamp
	sec    int64    // its Unix seconds, read as UTC
	valid  bool
}

// utcStamp reads a zoned RFC 3339 timestamp at the start of b as
// parseRFC3339(b, time.UTC) does, using and refreshing the context's cache.
func (c Context) utcStamp(b []byte) (stamp, bool) {
	sc := c.Stamps
	if sc == nil || len(b) < 19 {
		return parseRFC3339(b, time.UTC)
	}
	if !sc.valid || !bytes.Equal(sc.prefix[:], b[:19]) {
		st, ok := parseRFC3339(b, time.UTC)
		if ok && st.zoned {
			copy(sc.prefix[:], b[:19])
			sc.sec, sc.valid = st.t.Unix()+zoneSeconds(b, 19), true
		}
		return st, ok
	}
	ns, nd, fn := fraction(b, 19)
	off, zn, zulu := zoneOffset(b, 19+fn)
	if zn == 0 {
		// A zone-less stamp is read in a location, not UTC.
		return parseRFC3339(b, time.UTC)
	}
	t := time.Unix(sc.sec, int64(ns)).UTC().Add(-time.Duration(off) * time.Second)
	return stamp{t: t, n: 19 + fn + zn, frac: nd, zulu: zulu, zoned: true}, true
}

// zoneSeconds returns the zone offset, in seconds east of UTC, of the stamp
// whose clock ends at b[i:] (after any fraction), so that the cache keeps
// the stamp's clock read as UTC whatever its zone.
func zoneSeconds(b []byte, i int) int64 {
	_, _, fn := fraction(b, i)
	off, _, _ := zoneOffset(b, i+fn)
	return int64(off)
}
