package model

import "iter"

// Span is the bytes [Start, End) of a line.
type Span struct{ Start, End int }

// OwnText yields the parts of e's raw bytes that are its own: all of Raw,
// or for an entry that shares its line with others (FlagSharedLine), the
// pieces between the parts of theirs (Others). A search looks for a word
// in each piece, never across the gap between two.
func (e *Entry) OwnText() iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		at := 0
		for _, o := range e.Others {
			if o.Start < at || o.End > len(e.Raw) || o.Start > o.End {
				break // not of these bytes: the rest is searched whole
			}
			if o.Start > at && !yield(e.Raw[at:o.Start]) {
				return
			}
			at = o.End
		}
		yield(e.Raw[at:])
	}
}

// packSpan holds a span of a line in one number of the index (a
// lineOrigin's), 0 for none; ok is false when its offsets do not fit.
func packSpan(s Span) (n int64, ok bool) {
	if s.Start < 0 || s.End <= s.Start || s.End > 1<<31-1 {
		return 0, false
	}
	return int64(s.Start)<<32 | int64(s.End), true
}

// unpackSpan is the span of a number packSpan made.
func unpackSpan(n int64) Span { return Span{Start: int(n >> 32), End: int(n & (1<<32 - 1))} }

// OffsetIn returns where inner begins in outer when inner is a part of
// outer's bytes (a sub-slice, not a copy), and ok false otherwise.
func OffsetIn(outer, inner []byte) (int, bool) {
	at := cap(outer) - cap(inner)
	if at < 0 || at+len(inner) > len(outer) {
		return 0, false
	}
	if len(inner) > 0 && &outer[at] != &inner[0] {
		return 0, false
	}
	return at, true
}
