package query

import "time"

// timeBounds derives the range every match must fall in from the tree: an
// and narrows to the tightest bound of its terms, an or widens to the
// loosest of its branches (unbounded if any branch is), and a negation
// bounds nothing. Zero means unbounded.
func timeBounds(m matcher) (lo, hi time.Time) {
	switch n := m.(type) {
	case *timeMatcher:
		switch n.op {
		case opGt, opGe:
			return n.t, time.Time{}
		case opLt, opLe:
			return time.Time{}, n.t
		case opEq:
			return n.t, n.t
		}
	case *andNode:
		for _, k := range n.kids {
			klo, khi := timeBounds(k)
			if !klo.IsZero() && (lo.IsZero() || klo.After(lo)) {
				lo = klo
			}
			if !khi.IsZero() && (hi.IsZero() || khi.Before(hi)) {
				hi = khi
			}
		}
		return lo, hi
	case *orNode:
		return orBounds(n.kids)
	}
	return time.Time{}, time.Time{}
}

// orBounds widens the bounds of the branches of an or.
func orBounds(kids []matcher) (lo, hi time.Time) {
	loOpen, hiOpen := false, false
	for _, k := range kids {
		klo, khi := timeBounds(k)
		if klo.IsZero() {
			loOpen = true
		} else if lo.IsZero() || klo.Before(lo) {
			lo = klo
		}
		if khi.IsZero() {
			hiOpen = true
		} else if hi.IsZero() || khi.After(hi) {
			hi = khi
		}
	}
	if loOpen {
		lo = time.Time{}
	}
	if hiOpen {
		hi = time.Time{}
	}
	return lo, hi
}
