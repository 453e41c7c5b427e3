package query

import "connlog/model"

// tri is a three-valued truth: what a query can say of an entry when only
// its time, level and kind are known.
type tri uint8

const (
	triNo tri = iota
	triYes
	triUnknown
)

// MayMatch reports whether e could pass the query, looking only at e's
// Time, Level and Kind: false means no entry with those could match,
// whatever its fields and raw line. A view builder asks it first and loads
// an entry's fields only when the answer is true, so `level>=warn user:x`
// skips the debug lines of a store without decoding them.
func (q *Query) MayMatch(e *model.Entry) bool {
	if q == nil || q.root == nil {
		return true
	}
	return maybe(q.root, e) != triNo
}

// SureMatch reports whether e passes the query whatever its fields and raw
// line, looking only at e's Time, Level and Kind, as MayMatch does: true
// for level>=info on an info line, never for a query with a term on
// fields or words. A view builder takes such an entry without loading it.
func (q *Query) SureMatch(e *model.Entry) bool {
	if q == nil || q.root == nil {
		return true
	}
	return maybe(q.root, e) == triYes
}

func maybe(m matcher, e *model.Entry) tri {
	switch n := m.(type) {
	case *levelMatcher, *kindMatcher, *timeMatcher:
		if m.match(e) {
			return triYes
		}
		return triNo
	case *andNode:
		out := triYes
		for _, k := range n.kids {
			switch maybe(k, e) {
			case triNo:
				return triNo
			case triUnknown:
				out = triUnknown
			}
		}
		return out
	case *orNode:
		out := triNo
		for _, k := range n.kids {
			switch maybe(k, e) {
			case triYes:
				return triYes
			case triUnknown:
				out = triUnknown
			}
		}
		return out
	case *notNode:
		switch maybe(n.kid, e) {
		case triYes:
			return triNo
		case triNo:
			return triYes
		}
	}
	return triUnknown
}
