package query

import (
	"slices"

	"connlog/model"
)

// matcher is one compiled node of a query. Matchers are immutable after
// compilation, so one Query may be used from several goroutines.
type matcher interface {
	match(e *model.Entry) bool
	// cost estimates the work of match, so that cheap terms run first and
	// short-circuit the expensive ones.
	cost() int
}

// Relative costs of the leaf matchers.
const (
	costAttr  = 1   // level, kind, time: a comparison on the entry
	costField = 10  // a scan of the entry's fields
	costText  = 50  // a substring search of the raw line
	costRegex = 200 // a regular expression over the raw line
)

// andNode matches when every child matches.
type andNode struct{ kids []matcher }

func (n *andNode) match(e *model.Entry) bool {
	for _, k := range n.kids {
		if !k.match(e) {
			return false
		}
	}
	return true
}

func (n *andNode) cost() int { return sumCost(n.kids) }

// orNode matches when any child matches.
type orNode struct{ kids []matcher }

func (n *orNode) match(e *model.Entry) bool {
	for _, k := range n.kids {
		if k.match(e) {
			return true
		}
	}
	return false
}

func (n *orNode) cost() int { return sumCost(n.kids) }

// notNode matches when its child does not.
type notNode struct{ kid matcher }

func (n *notNode) match(e *model.Entry) bool { return !n.kid.match(e) }

func (n *notNode) cost() int { return n.kid.cost() }

// newAnd joins terms, flattening nested ands and putting cheap terms first.
func newAnd(kids []matcher) matcher {
	var flat []matcher
	for _, k := range kids {
		if a, ok := k.(*andNode); ok {
			flat = append(flat, a.kids...)
		} else {
			flat = append(flat, k)
		}
	}
	if len(flat) == 1 {
		return flat[0]
	}
	sortByCost(flat)
	return &andNode{kids: flat}
}

// newOr joins alternatives, flattening nested ors and putting cheap ones first.
func newOr(kids []matcher) matcher {
	var flat []matcher
	for _, k := range kids {
		if o, ok := k.(*orNode); ok {
			flat = append(flat, o.kids...)
		} else {
			flat = append(flat, k)
		}
	}
	if len(flat) == 1 {
		return flat[0]
	}
	sortByCost(flat)
	return &orNode{kids: flat}
}

// newNot negates a term; a double negation cancels out.
func newNot(kid matcher) matcher {
	if n, ok := kid.(*notNode); ok {
		return n.kid
	}
	return &notNode{kid: kid}
}

// sortByCost orders terms cheapest first. Terms have no side effects, so
// the order changes only the speed, never the result.
func sortByCost(ms []matcher) {
	slices.SortStableFunc(ms, func(a, b matcher) int { return a.cost() - b.cost() })
}

func sumCost(ms []matcher) int {
	c := 0
	for _, m := range ms {
		c += m.cost()
	}
	return c
}
