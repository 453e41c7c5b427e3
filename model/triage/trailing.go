package triage

import "time"

// TrailingPair is the two windows a trailing comparison c (nil: the
// default) makes over data whose usable times run from oldest to newest.
// A length asked for (previous:DUR) is kept, however short the data. The
// default (c nil, or c.Fit) compares the last DefaultTrailing with the same
// length before only when the data fills both (to within the slot their
// edges are rounded to, as A's end is); when the older would start a slot
// or more before the oldest entry the data is halved instead (see Halves):
// a window reaching before the data would be partly empty, and every rate
// would seem to rise. halved says which.
func TrailingPair(c *Compare, oldest, newest time.Time) (a, b Window, halved bool) {
	length := trailingLength(c)
	a, b = TrailingWindows(newest, length)
	slot := int64(trailingSlot(length))
	if fits(c) && b.From.UnixNano() < FloorDiv(oldest.UnixNano(), slot)*slot {
		a, b = Halves(oldest, newest)
		return a, b, true
	}
	return a, b, false
}

// trailingLength is the length of c's windows when the data fills them.
func trailingLength(c *Compare) time.Duration {
	if c != nil && c.Trailing > 0 {
		return c.Trailing
	}
	return DefaultTrailing
}

// fits reports whether c's windows are fitted to short data (halved).
func fits(c *Compare) bool { return c == nil || c.Fit || c.Trailing <= 0 }

// Halves splits the data from oldest to newest into two windows of the
// same length, whole seconds each, that hold all of it: the newer ends at
// the newest entry rounded up to the next second, the older starts in the
// oldest entry's second or the one before (when the span is an odd number
// of seconds).
func Halves(oldest, newest time.Time) (a, b Window) {
	end := newest.Truncate(time.Second).Add(time.Second)
	span := end.Sub(oldest.Truncate(time.Second))
	half := max((span+2*time.Second-1)/(2*time.Second)*time.Second, time.Second)
	mid := end.Add(-half)
	a = Window{From: mid.UTC(), To: end.UTC()}
	b = Window{From: mid.Add(-half).UTC(), To: mid.UTC()}
	return a, b
}

// TrailingWindows are the windows a trailing comparison of the given
// length holds once newest is the newest entry's time: the last length of
// the data (its end rounded up to a whole slot, as the engine keeps them)
// against the same length just before.
func TrailingWindows(newest time.Time, length time.Duration) (a, b Window) {
	if length <= 0 {
		length = DefaultTrailing
	}
	slot := int64(trailingSlot(length))
	end := (FloorDiv(newest.UnixNano(), slot) + 1) * slot
	mid := end - int64(length)
	start := mid - int64(length)
	a = Window{From: time.Unix(0, mid).UTC(), To: time.Unix(0, end).UTC()}
	b = Window{From: time.Unix(0, start).UTC(), To: time.Unix(0, mid).UTC()}
	return a, b
}

// trailingSlot is the width of the slots the engine keeps for windows of
// the given length: about a fifteenth of it (a minute for 15 minutes), in
// whole seconds that divide it, so that each window is whole slots.
func trailingSlot(length time.Duration) time.Duration {
	slot := max((length / slotsPerWindow).Truncate(time.Second), time.Second)
	for slot > time.Second && length%slot != 0 {
		slot -= time.Second
	}
	return slot
}
