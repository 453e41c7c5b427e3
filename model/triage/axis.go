package triage

import "time"

// widths are the bucket widths the timeline steps through, each a multiple
// of the one before, so that a series widens by merging whole buckets.
// Past a day the width keeps doubling (see BucketWidth).
var widths = []time.Duration{
	time.Second, 5 * time.Second, 10 * time.Second, 30 * time.Second,
	time.Minute, 5 * time.Minute, 10 * time.Minute, 30 * time.Minute,
	time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour,
}

// BucketWidth returns the width of step s of the timeline's ladder: 1 s,
// 5 s, 10 s, 30 s, 1 m … 1 h, 3 h, 6 h, 12 h, a day, then doubling. Each is
// a multiple of the one before, so buckets merge whole when the width
// steps up; the interface's timeline strip steps through the same widths.
func BucketWidth(s int) time.Duration {
	if s < len(widths) {
		return widths[s]
	}
	return widths[len(widths)-1] << (s - len(widths) + 1)
}

// axis is the timeline's time scale: the bucket width chosen so that the
// span seen so far fills no more than twice the target number of buckets.
type axis struct {
	target   int
	width    int64 // ns
	step     int   // the ladder step of width (see BucketWidth)
	lo, hi   int64 // first and last bucket with an entry, at width
	nonEmpty bool
}

func newAxis(target int) axis {
	return axis{target: max(target, 1), width: int64(widths[0])}
}

// bucket places a time, ns nanoseconds since 1970, on the axis, widening
// it when the span outgrows the target, and returns its bucket number at
// the (new) width.
func (a *axis) bucket(ns int64) int64 {
	b := FloorDiv(ns, a.width)
	if !a.nonEmpty {
		a.lo, a.hi, a.nonEmpty = b, b, true
		return b
	}
	if b >= a.lo && b <= a.hi {
		return b
	}
	lo, hi := min(a.lo, b), max(a.hi, b)
	for hi-lo+1 > int64(2*a.target) {
		f := a.widen()
		lo, hi = FloorDiv(lo, f), FloorDiv(hi, f)
	}
	a.lo, a.hi = lo, hi
	return FloorDiv(ns, a.width)
}

// widen moves to the next width and returns the factor it grew by.
func (a *axis) widen() int64 {
	old := a.width
	a.step++
	a.width = int64(BucketWidth(a.step))
	return a.width / old
}

// Width returns the bucket width.
func (a *axis) Width() time.Duration { return time.Duration(a.width) }

// start returns the start time of bucket b.
func (a *axis) start(b int64) time.Time { return time.Unix(0, b*a.width).UTC() }
