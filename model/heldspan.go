package model

import "time"

// timeSpan is the earliest and the latest time of a set of entries, as
// Unix nanoseconds; 0 for none. A row chunk keeps one (chunkRefs.times),
// so that the span of what the store holds is the span of its chunks, as
// eviction drops whole chunks: a frame asks it without reading a row.
type timeSpan struct{ lo, hi int64 }

// note widens the span to e's time; a line without one says nothing.
func (ts *timeSpan) note(e *Entry) {
	if e.Time.Unix() <= 0 {
		return
	}
	t := e.Time.UnixNano()
	if ts.lo == 0 || t < ts.lo {
		ts.lo = t
	}
	ts.hi = max(ts.hi, t)
}

// join widens the span to o.
func (ts *timeSpan) join(o timeSpan) {
	if o.lo != 0 && (ts.lo == 0 || o.lo < ts.lo) {
		ts.lo = o.lo
	}
	ts.hi = max(ts.hi, o.hi)
}

// heldSpan is the span of the chunks held; the caller holds s.mu.
func (s *Store) heldSpan() timeSpan {
	var ts timeSpan
	for _, refs := range s.held {
		ts.join(refs.times)
	}
	return ts
}

// HeldSpan returns the earliest and the latest time of the entries the
// snapshot holds, whatever order they came in (two files read together, a
// clock set back, yesterday's lines appended after today's), both zero
// when none has a time: what decides whether the rows' times need their
// dates. It costs a few compares per chunk, none per row.
func (sn *Snapshot) HeldSpan() (first, last time.Time) {
	if sn.held.hi == 0 {
		return time.Time{}, time.Time{}
	}
	return time.Unix(0, sn.held.lo), time.Unix(0, sn.held.hi)
}
