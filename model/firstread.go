package model

import "time"

// firstRead keeps the time of the earliest line the store has read, held
// or evicted since, for the memory budget's eviction to say where the
// input began (see Eviction.Earliest).
type firstRead struct {
	ns int64 // Unix nanoseconds of the earliest timed line; 0 for none yet
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
	case f.ns == 0 || e.Time.UnixNano() < f.ns:
		f.ns = e.Time.UnixNano()
	}
}

// at is the earliest line's time, zero when it is not known.
func (f *firstRead) at() time.Time {
	if f.unread || f.ns == 0 {
		return time.Time{}
	}
	return time.Unix(0, f.ns)
}
