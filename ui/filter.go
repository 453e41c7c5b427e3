package ui

import (
	"connlog/model"
	"connlog/model/query"
)

// activeFilter is what selects the table's rows: the query the user typed
// and the tab's kind condition, compiled into a model.Filter.
type activeFilter struct {
	text   string         // the query as typed
	tab    Tab            // the tab whose kinds are shown
	query  *query.Query   // nil for an empty query
	filter model.Filter   // what BuildView and Extend run
	terms  []query.Finder // its words and regexes, to highlight
	opt    query.Options  // the clock, zone and day the query was read with
}

// readsTime reports whether the query bounds the entries' time (since:,
// until:, time>…), whose text means a time in the zone it was read in.
func (af activeFilter) readsTime() bool {
	since, until := af.query.TimeBounds()
	return af.query.NeedsDay() || !since.IsZero() || !until.IsZero()
}

// newFilter compiles a query for a tab. The Load level is the least the
// query needs: raw bytes for bare words, a full re-parse for fields the
// store does not index, the index alone otherwise.
func newFilter(text string, tab Tab, opt query.Options) (activeFilter, error) {
	af := activeFilter{text: text, tab: tab, opt: opt}
	if text != "" {
		q, err := compileQuery(text, opt)
		if err != nil {
			return activeFilter{}, err
		}
		af.query, af.terms = q, q.Finders()
	}
	af.filter = makeModelFilter(af.query, tab.kindSet())
	return af, nil
}

// makeModelFilter combines the query and the kind set; a nil Match means
// every entry, which lets BuildView skip the scan entirely.
func makeModelFilter(q *query.Query, kinds *[16]bool) model.Filter {
	f := q.Filter()
	switch {
	case kinds == nil:
		return f
	case f.Match == nil:
		// The kind is in the row: a tab with no query reads no field.
		f.Match = func(e *model.Entry) bool { return kinds[e.Kind&0xf] }
		f.Maybe, f.Sure, f.MaybeTimeless, f.Keys = f.Match, f.Match, true, []string{}
		return f
	}
	match, maybe, sure := f.Match, f.Maybe, f.Sure
	f.Match = func(e *model.Entry) bool { return kinds[e.Kind&0xf] && match(e) }
	f.Maybe = func(e *model.Entry) bool { return kinds[e.Kind&0xf] && (maybe == nil || maybe(e)) }
	f.MaybeTimeless = maybe == nil || f.MaybeTimeless // the kind test reads no time
	if sure != nil {
		f.Sure = func(e *model.Entry) bool { return kinds[e.Kind&0xf] && sure(e) }
	}
	return f
}

// highlightTerms are what the table and the detail pane mark: the terms of
// the filter and of the search.
func (m Model) highlightTerms() []query.Finder {
	return append(append([]query.Finder(nil), m.filter.terms...), m.search.terms...)
}

// highlightQueries are the filter and the search in force, whose field
// terms mark the values they matched.
func (m Model) highlightQueries() []*query.Query {
	var out []*query.Query
	for _, q := range []*query.Query{m.filter.query, m.search.query} {
		if q != nil {
			out = append(out, q)
		}
	}
	return out
}
