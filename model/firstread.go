package model

import "time"

// firstRead keeps the time of the earliest line the store has read, held
// or evicted since, for the memory budget's eviction to say where the
// input began (see Eviction.Earliest), and of the newest, for the span of
// inputs whose lines do not arrive in time order (a pipe beside a file).
type firstRead struct {
	ns     int64 // Unix nanoseconds of the earliest timed line; 0 for none yet
	lastNs int64 // of the newest
	// unread says that lines were counted without being read: a backfill
	// stopped by the budget. The input may begin before every line read.
	unread bool
}

// note takes in entry e, read (stored or refused at the front).
func (f *firstRead) note(e *Entry) {
	switch {
	case e.Kind == KindGap && e.Fields.Value(KeyGapReason) == GapEvictionReason:
		f.unread = true
	case e.IsMark() || e.Time.Unix() <= 0:
	default:
		t := e.Time.UnixNano()
		if f.ns == 0 || t < f.ns {
			f.ns = t
		}
		f.lastNs = max(f.lastNs, t)
	}
}

// newest is the newest line's time, zero when none had one.
func (f *firstRead) newest() time.Time {
	if f.lastNs == 0 {
		return time.Time{}
	}
	return time.Unix(0, f.lastNs)
}

// at is the earliest line's time, zero when it is not known.
func (f *firstRead) at() time.Time {
	if f.unread || f.ns == 0 {
		return time.Time{}
	}
	return time.Unix(0, f.ns)
}
