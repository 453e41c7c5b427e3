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

// maybe is what a query says of an entry of which only the time, level
// and kind are known.
func maybe(m matcher, e *model.Entry) tri {
	return eval3(m, func(leaf matcher) tri {
		switch leaf.(type) {
		case *levelMatcher, *kindMatcher, *timeMatcher:
			return triOf(leaf.match(e))
		}
		return triUnknown
	})
}

// eval3 evaluates a query in three-valued logic, asking leaf what each
// term that is not an and, or or not says.
func eval3(m matcher, leaf func(matcher) tri) tri {
	switch n := m.(type) {
	case *andNode:
		out := triYes
		for _, k := range n.kids {
			switch eval3(k, leaf) {
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
			switch eval3(k, leaf) {
			case triYes:
				return triYes
			case triUnknown:
				out = triUnknown
			}
		}
		return out
	case *notNode:
		switch eval3(n.kid, leaf) {
		case triYes:
			return triNo
		case triNo:
			return triYes
		}
		return triUnknown
	}
	return leaf(m)
}
