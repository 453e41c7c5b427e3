package query

import (
	"slices"

	"connlog/model"
)

// MayMatchFields reports whether an entry could pass the query when, for
// every key unknown says false of, its fields with that key are exactly
// e's fields with it: false means no such entry could match, whatever
// its other fields, time, level, kind and raw line. A view builder asks it
// of a connection event's template (the fields it shares with other
// events) before loading the event, so that `event:closed_connection
// country:DE rx>1MB` loads only the events of the templates that say so.
// Only terms on field keys are decided; every other term is unknown.
func (q *Query) MayMatchFields(e *model.Entry, unknown func(key string) bool) bool {
	if q == nil || q.root == nil {
		return true
	}
	return eval3(q.root, func(leaf matcher) tri {
		if keys, ok := fieldTermKeys(leaf); ok && !slices.ContainsFunc(keys, unknown) {
			return triOf(leaf.match(e))
		}
		return triUnknown
	}) != triNo
}

// fieldTermKeys returns the keys of m when it is a term that reads only
// an entry's fields with those keys.
func fieldTermKeys(m matcher) ([]string, bool) {
	f, ok := m.(*fieldMatcher)
	if !ok || f.attr != AttrNone || len(f.keys) == 0 {
		return nil, false
	}
	return f.keys, true
}

// maybeFields returns the filter's MaybeFields: MayMatchFields, for a
// query with a term it decides.
func (q *Query) maybeFields() model.MaybeFields {
	var keys []string
	hasTerm(q.root, func(m matcher) bool { // every term is visited: none is accepted
		ks, _ := fieldTermKeys(m)
		for _, k := range ks {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		return false
	})
	if len(keys) == 0 {
		return model.MaybeFields{}
	}
	return model.MaybeFields{Ask: q.MayMatchFields, Keys: keys}
}
