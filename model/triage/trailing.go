package triage

import "time"

// TrailingLength is the length of the trailing windows a comparison uses
// over data whose usable times run from oldest to newest. A length asked
// for is kept; the default (c nil, or c.Fit) is DefaultTrailing, or about
// half the data when it spans less than that: the default would compare
// the data with nothing, and its newer half against its older says more.
func TrailingLength(c *Compare, oldest, newest time.Time) time.Duration {
	length := DefaultTrailing
	if c != nil && c.Trailing > 0 {
		length = c.Trailing
	}
	if (c == nil || c.Fit || c.Trailing <= 0) && newest.Sub(oldest) < length {
		return halfSpan(oldest, newest)
	}
	return length
}

// halfSpan is about half the time from oldest to newest: the length whose
// two trailing windows fit data shorter than one default window. It is
// whole minutes from a minute on (1m, not 1m25s), whole seconds below, so
// that the windows' edges fall on whole seconds.
func halfSpan(oldest, newest time.Time) time.Duration {
	half := newest.Sub(oldest) / 2
	if half >= time.Minute {
		return half.Truncate(time.Minute)
	}
	return max(half.Round(time.Second), time.Second)
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
