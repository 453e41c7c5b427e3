package query

import (
	"slices"

	"connlog/model"
)

// NeedKeys returns groups of field keys: to match, an entry must carry, for
// every group, at least one of its keys among its fields; nil when the query
// makes no such demand. A view builder can then skip, without decoding its
// fields, every entry that fails one: `event:closed_connection country:DE
// rx>1MB` passes over the service lines (most of a level-7 log) and the
// connection events that carry no byte counts (those of connections not yet
// closed) at the cost of a key probe.
//
// Only terms on field keys make a demand; host and unit also read the
// envelope, and a negated term is met by an entry without the field, so
// neither does.
func (q *Query) NeedKeys() [][]string {
	if q == nil || q.root == nil {
		return nil
	}
	groups, _ := needKeys(q.root)
	return groups
}

// needKeys returns the groups of keys m demands and whether it demands any.
func needKeys(m matcher) ([][]string, bool) {
	switch n := m.(type) {
	case *fieldMatcher:
		if n.attr != AttrNone || len(n.keys) == 0 {
			return nil, false
		}
		return [][]string{n.keys}, true
	case *andNode:
		return allNeeds(n.kids)
	case *orNode:
		return unionNeed(n.kids)
	}
	return nil, false
}

// allNeeds is the demand of an AND: every kid's demand holds.
func allNeeds(kids []matcher) ([][]string, bool) {
	var all [][]string
	for _, k := range kids {
		if groups, ok := needKeys(k); ok {
			all = append(all, groups...)
		}
	}
	// A store checks the first groups only (model.MaxNeedGroups): dropping
	// one only weakens the demand.
	return all[:min(len(all), model.MaxNeedGroups)], len(all) > 0
}

// unionNeed is the demand of an OR: an entry matches through some kid, so it
// carries one of the keys of each of that kid's groups, of its narrowest in
// particular — provided every kid makes a demand.
func unionNeed(kids []matcher) ([][]string, bool) {
	var all []string
	for _, k := range kids {
		groups, ok := needKeys(k)
		if !ok {
			return nil, false
		}
		for _, key := range slices.MinFunc(groups, func(a, b []string) int { return len(a) - len(b) }) {
			if !slices.Contains(all, key) {
				all = append(all, key)
			}
		}
	}
	return [][]string{all}, len(all) > 0
}

// Filter returns the store filter that runs q over a snapshot: its match,
// the least each entry must be loaded for it, and the checks that skip an
// entry before loading it (MayMatch on time, level and kind; NeedKeys on
// the keys of its indexed fields).
func (q *Query) Filter() model.Filter {
	f := model.Filter{Load: model.LoadIndex}
	if q == nil || q.root == nil {
		return f
	}
	if q.NeedsRaw() {
		f.Load = model.LoadRaw
	}
	if q.NeedsFields(model.IsIndexed) {
		f.Load = model.LoadFull
	}
	f.Match, f.NeedKeys, f.Keys = q.Match, q.NeedKeys(), q.ReadKeys()
	f.MaybeFields = q.maybeFields()
	f.FieldsSuffice = true // a term reads fields, the raw line or the row
	// Words and expressions search the raw line (searchText): with no
	// field term besides, a line's fields are never read.
	f.RawOnly = q.needsRaw && len(q.keys) == 0
	// A line a message term would have parsed is first tested without
	// the parse, on its row, raw bytes and index.
	if f.Load == model.LoadFull && hasTerm(q.root, decidesUnparsed) {
		f.MaybeUnparsed = q.MayMatchUnparsed
	}
	if hasTerm(q.root, isEntryTerm) {
		f.Maybe, f.Sure = q.MayMatch, q.SureMatch
		f.MaybeTimeless = !hasTerm(q.root, isTimeTerm)
	}
	return f
}

// isEntryTerm reports whether m is a term on an entry's time, level or
// kind, the terms MayMatch reads: without one it can never say no, and
// asking it for every entry of a store only costs.
func isEntryTerm(m matcher) bool {
	switch m.(type) {
	case *levelMatcher, *kindMatcher, *timeMatcher:
		return true
	}
	return false
}

// isTimeTerm reports whether m is a term on an entry's time.
func isTimeTerm(m matcher) bool {
	_, ok := m.(*timeMatcher)
	return ok
}

// hasTerm reports whether m, or one of its operands at any depth, is a
// term that is accepts.
func hasTerm(m matcher, is func(matcher) bool) bool {
	if is(m) {
		return true
	}
	switch n := m.(type) {
	case *andNode:
		return slices.ContainsFunc(n.kids, func(k matcher) bool { return hasTerm(k, is) })
	case *orNode:
		return slices.ContainsFunc(n.kids, func(k matcher) bool { return hasTerm(k, is) })
	case *notNode:
		return hasTerm(n.kid, is)
	}
	return false
}

// ReadKeys returns every field key Match reads — empty, not nil, when it
// reads none (level>=warn) — so that a load may rebuild just those fields.
// A text search reads the message of a gap or boundary entry, which has no
// raw line.
func (q *Query) ReadKeys() []string {
	if q == nil {
		return []string{}
	}
	keys := make([]string, 0, len(q.keys)+1)
	keys = append(keys, q.keys...)
	if q.needsRaw {
		keys = append(keys, model.KeyMessage)
	}
	return keys
}
