package timeline

import "time"

// ladder holds the bucket widths, each a multiple of the one before, so
// that buckets merge whole when the width steps up. Past a day the width
// keeps doubling.
var ladder = []time.Duration{
	time.Second, 5 * time.Second, 10 * time.Second, 30 * time.Second,
	time.Minute, 5 * time.Minute, 10 * time.Minute, 30 * time.Minute,
	time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour,
}

// widthAt returns the width of ladder step s, in nanoseconds.
func widthAt(s int) int64 {
	if s < len(ladder) {
		return int64(ladder[s])
	}
	return int64(ladder[len(ladder)-1]) << (s - len(ladder) + 1)
}

// floorDiv divides rounding towards minus infinity, so that bucket numbers
// of times before 1970 are still floors.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Times outside these years are taken for garbage (a zero time, a mangled
// year): placing them would stretch the strip over centuries. They are
// counted as untimed.
var (
	earliest = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
	latest   = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
)

func usable(ns int64) bool { return ns >= earliest && ns < latest }
