package query

import (
	"slices"
	"strings"

	"connlog/model"
)

// FieldMark is a part of a value that made a field term of a query match
// an entry: the interface marks it where it shows that value, so that a
// row found by country:DE shows why. Bare words and expressions are not
// field marks: Finders marks them in any text.
type FieldMark struct {
	// Field is the index in the entry's Fields of the value matched, or -1
	// for a value of the entry itself (Attr says which).
	Field int
	// Attr is, for Field -1, what was matched: AttrHost, AttrUnit and
	// AttrIdent (an envelope value) or AttrLevel.
	Attr Attr
	// Value is the text matched: the field's value, the envelope's value
	// (a unit without its ".service" when that is what matched), or the
	// level's name.
	Value string
	// Start and End are the bytes of Value that made the term match: the
	// whole value for field:value, field=value and a comparison, the
	// literal pieces for a wildcard (each piece a mark of its own).
	Start, End int
}

// FieldMarks returns the values of e that the query's field terms matched,
// those not under a negation. A term in a branch of "or" that does not
// match e as a whole marks nothing: with (user:alice country:DE) or
// module:relay, an entry of alice in the US found by its module shows its
// module marked, not alice. A nil Query, or one without field terms,
// returns nil; the query need not match e as a whole (a search marks what
// it can, as its words are marked on every row).
func (q *Query) FieldMarks(e *model.Entry) []FieldMark {
	if q == nil || q.root == nil || !q.hasFieldTerms {
		return nil
	}
	var out []FieldMark
	collectMarks(q.root, e, &out)
	return out
}

// collectMarks appends the marks of m's terms on e. An "and" is walked
// whole, as the caller asks only where it holds or may hold; an "or" only
// into the alternatives that match.
func collectMarks(m matcher, e *model.Entry, out *[]FieldMark) {
	switch n := m.(type) {
	case *andNode:
		for _, k := range n.kids {
			collectMarks(k, e, out)
		}
	case *orNode:
		for _, k := range n.kids {
			if _, leaf := k.(*fieldMatcher); leaf || k.match(e) {
				collectMarks(k, e, out)
			}
		}
	case *fieldMatcher:
		n.marks(e, out)
	case *levelMatcher:
		if n.match(e) {
			name := e.Level.String()
			*out = append(*out, FieldMark{Field: -1, Attr: AttrLevel, Value: name, End: len(name)})
		}
	}
}

// marks appends every value of e that passes the term, as match reads them.
func (m *fieldMatcher) marks(e *model.Entry, out *[]FieldMark) {
	keys := m.keysOf(e)
	for i := range e.Fields {
		f := &e.Fields[i]
		if slices.Contains(keys, f.Key) && m.test.field(f) {
			for _, sp := range m.test.spans(f.Value) {
				*out = append(*out, FieldMark{Field: i, Value: f.Value, Start: sp[0], End: sp[1]})
			}
		}
	}
	vals := m.envelopeValues(e)
	for i, v := range vals {
		if i > 0 && v == vals[0] {
			continue // the journal's copy of the value shown
		}
		if m.textIf(v) {
			m.envelopeMarks(v, out)
		} else if short, ok := strings.CutSuffix(v, ".service"); ok && m.attr == AttrUnit && m.textIf(short) {
			m.envelopeMarks(short, out)
		}
	}
}

// envelopeValues are the values of e's envelope the term reads.
func (m *fieldMatcher) envelopeValues(e *model.Entry) []string {
	o, j := e.Origin, e.Origin.Journal
	switch {
	case m.attr == AttrHost && j != nil:
		return []string{o.Host, j.Hostname}
	case m.attr == AttrHost:
		return []string{o.Host}
	case m.attr == AttrUnit && j != nil:
		return []string{o.Unit, j.Unit}
	case m.attr == AttrUnit:
		return []string{o.Unit}
	case m.attr == AttrIdent && j != nil:
		return []string{o.Ident, j.Identifier}
	case m.attr == AttrIdent:
		return []string{o.Ident}
	}
	return nil
}

// envelopeMarks appends the marks of an envelope value that passed.
func (m *fieldMatcher) envelopeMarks(v string, out *[]FieldMark) {
	for _, sp := range m.test.spans(v) {
		*out = append(*out, FieldMark{Field: -1, Attr: m.attr, Value: v, Start: sp[0], End: sp[1]})
	}
}

// whole is the one span of all of s.
func whole(s string) [][2]int { return [][2]int{{0, len(s)}} }

func (t *globTest) spans(s string) [][2]int {
	if i := t.parentEnd(s); t.subModules && i > 0 && !t.g.match(s) {
		return t.g.spans(s[:i]) // the module's name, as typed
	}
	return t.g.spans(s)
}
func (t *exactTest) spans(s string) [][2]int   { return whole(s) }
func (t *compareTest) spans(s string) [][2]int { return whole(s) }

// spans returns where the glob's literal pieces lie in s, which it
// matches, found as match finds them; all of s when the glob is only
// stars (it matched by the value being there).
func (g *glob) spans(s string) [][2]int {
	if len(g.parts) == 1 {
		return whole(s)
	}
	var out [][2]int
	add := func(a, b int) {
		if b > a {
			out = append(out, [2]int{a, b})
		}
	}
	n, _ := g.parts[0].prefix(s)
	add(0, n)
	start, _ := g.parts[len(g.parts)-1].suffix(s[n:])
	rest, endAt := s[n:n+start], n+start
	add(endAt, len(s))
	at := n
	for i := 1; i < len(g.parts)-1; i++ {
		a, b := g.parts[i].index(rest)
		if b < 0 {
			break
		}
		add(at+a, at+b)
		rest, at = rest[b:], at+b
	}
	slices.SortFunc(out, func(x, y [2]int) int { return x[0] - y[0] })
	if out == nil {
		return whole(s)
	}
	return out
}
