package query

import (
	"slices"
	"strings"
	"time"

	"connlog/model"
)

// Options are what a query's relative times are resolved against.
type Options struct {
	// Now is the time since:15m counts back from; zero means time.Now().
	Now time.Time
	// Location is the zone of times written without one (14:05,
	// 2026-11-20T08:00); nil means time.Local.
	Location *time.Location
	// Day is the day a time written without a date (since:08:00) falls on:
	// its date in Location. Zero means the day of Now. A time without a date
	// means that time on the day of the data, not of the clock: the TUI
	// passes the day of the row under the cursor, the command line the day
	// of the newest entry of its input, so that on yesterday's log 08:00 is
	// yesterday at 08:00.
	Day time.Time
	// First and Last, when both are set, are the times of the data's oldest
	// and newest entries: a time without a date that Day puts outside them
	// falls on the day before or after when that is within the data (see
	// clockOnDataDay), so that since:23:00 on a log of 21:00 to 02:30 is
	// the evening it holds.
	First, Last time.Time
	// Dir is the directory the inputs named by a relative path were opened
	// in (connlog's working directory). With it, file: and source: find an
	// input's lines however its path was written, on the command line and
	// in the query: /srv/logs/a.log finds those of logs/a.log opened in
	// /srv, and the other way round. "" compares the names as written.
	Dir string
}

// withDefaults fills in the zero fields: time.Local, the current time, and
// the day of Now.
func (o Options) withDefaults() Options {
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	o.Now = o.Now.Round(0).In(o.Location)
	if o.Day.IsZero() {
		o.Day = o.Now
	}
	return o
}

// Query is a compiled query. It is immutable, so one Query may be matched
// from several goroutines at once.
type Query struct {
	src           string
	root          matcher // nil: the empty query, which matches everything
	words         []string
	finders       []Finder // the words' and the regexes' not under a negation
	hasFieldTerms bool     // a field or level term not under a negation, for FieldMarks
	needsRaw      bool
	readsOrigin   bool
	keys          []string
	since, until  time.Time
	needsDay      bool
	dateless      []Dateless
}

// Compile parses src. An empty (or blank) query matches every entry. On
// failure the error is a *Error with the byte offset and the column of the
// problem.
// Relative times (since:15m) are fixed when the query is compiled: compile
// again to move the window.
func Compile(src string, opt Options) (*Query, error) {
	q := &Query{src: src}
	if strings.TrimSpace(src) == "" {
		return q, nil
	}
	toks, err := lex(src)
	if err != nil {
		return nil, inSource(err, src)
	}
	p := &parser{toks: toks, c: &compiler{opt: opt.withDefaults(), src: src}}
	root, perr := p.parse()
	if perr != nil {
		return nil, inSource(perr, src)
	}
	q.root, q.needsDay, q.dateless = root, p.c.usedDay, p.c.dateless
	q.inspect(root, false)
	q.since, q.until = timeBounds(root)
	return q, nil
}

// Match reports whether e passes the query. It does not allocate. A nil
// Query matches everything.
func (q *Query) Match(e *model.Entry) bool {
	if q == nil || q.root == nil {
		return true
	}
	return q.root.match(e)
}

// MatchesAll reports whether the query selects every entry: it has no
// term. A nil Query does.
func (q *Query) MatchesAll() bool { return q == nil || q.root == nil }

// String returns the query's source text, exactly as compiled.
func (q *Query) String() string {
	if q == nil {
		return ""
	}
	return q.src
}

// Words returns the bare words and quoted phrases that an entry must
// contain (those not under a negation), for the table to highlight.
func (q *Query) Words() []string {
	if q == nil {
		return nil
	}
	return slices.Clone(q.words)
}

// Finders returns a finder for each bare word, quoted phrase and regular
// expression that a match contains (those not under a negation), for the
// interface to highlight what matched.
func (q *Query) Finders() []Finder {
	if q == nil {
		return nil
	}
	return slices.Clone(q.finders)
}

// RequiredWords returns the bare words and quoted phrases that every
// matching entry's raw line contains: those joined by "and" at the top of the
// query, not under "or" or a negation. A log store that searches text can be
// asked for them first; the query still decides.
func (q *Query) RequiredWords() []string {
	if q == nil || q.root == nil {
		return nil
	}
	kids := []matcher{q.root}
	if a, ok := q.root.(*andNode); ok {
		kids = a.kids
	}
	var out []string
	for _, k := range kids {
		if t, ok := k.(*textMatcher); ok && t.pat.text != "" {
			out = append(out, t.word)
		}
	}
	return out
}

// NeedsRaw reports whether some term searches the raw line, so that a store
// which keeps raw bytes on disk knows it must read them to evaluate the query.
func (q *Query) NeedsRaw() bool { return q != nil && q.needsRaw }

// ReadsOrigin reports whether some term tests where an entry came from (host:,
// unit:, ident:), so that a reader which skips the journal's metadata fields for
// speed knows it must read them.
func (q *Query) ReadsOrigin() bool { return q != nil && q.readsOrigin }

// NeedsFields reports whether some field term reads a key for which fast
// returns false: a key the caller has not kept in its compact index and must
// re-parse the raw line to find.
func (q *Query) NeedsFields(fast func(key string) bool) bool {
	if q == nil {
		return false
	}
	for _, k := range q.keys {
		if !fast(k) {
			return true
		}
	}
	return false
}

// NeedsDay reports whether some time in the query was written without a
// date (since:08:00), so that its meaning depends on Options.Day: a caller
// that does not know the day of its data yet must find it before matching.
func (q *Query) NeedsDay() bool { return q != nil && q.needsDay }

// TimeBounds returns the time range outside which no entry can match, so
// that the caller may skip whole ranges of the store. A zero since or until
// means unbounded on that side. Bounds come from since:, until: and time
// comparisons that every match must satisfy (terms joined by and, or bounds
// common to every branch of an or); negated time terms give no bound. Since
// may be after until: then nothing matches.
func (q *Query) TimeBounds() (since, until time.Time) {
	if q == nil {
		return time.Time{}, time.Time{}
	}
	return q.since, q.until
}

// inspect collects what the accessors report: the words to highlight, the
// field keys read and whether the raw line is searched.
func (q *Query) inspect(m matcher, negated bool) {
	switch n := m.(type) {
	case *andNode:
		for _, k := range n.kids {
			q.inspect(k, negated)
		}
	case *orNode:
		for _, k := range n.kids {
			q.inspect(k, negated)
		}
	case *notNode:
		q.inspect(n.kid, !negated)
	case *textMatcher:
		q.needsRaw = true
		if !negated && !slices.Contains(q.words, n.word) {
			q.words = append(q.words, n.word)
			q.finders = append(q.finders, NewFinder(n.word))
		}
	case *regexMatcher:
		q.needsRaw = true
		if !negated {
			q.finders = append(q.finders, Finder{re: n.re})
		}
	case *levelMatcher:
		q.hasFieldTerms = q.hasFieldTerms || !negated
	case *fieldMatcher:
		q.hasFieldTerms = q.hasFieldTerms || !negated
		q.readsOrigin = q.readsOrigin || n.attr == AttrHost || n.attr == AttrUnit || n.attr == AttrIdent
		for _, k := range n.readKeys() {
			if !slices.Contains(q.keys, k) {
				q.keys = append(q.keys, k)
			}
		}
	}
}
