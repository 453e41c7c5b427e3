package triage

import (
	"cmp"
	"slices"
	"strings"

	"connlog/model"
	"connlog/model/mask"
	"connlog/model/query"
)

// templateWords is how many literal words of a template its query looks for.
const templateWords = 3

// templateQuery is the closest query to the template of e, whose text is
// text, and whether it finds exactly the template's lines. The kind and
// the level (level=none for a line without one), then each field the
// template is made of: its value exactly when the template holds it as it
// is (.path=/api/v2/projects, not every path that starts so), its masked
// value with each placeholder a star when masked (a star takes any text
// where the template takes one shape: not exact), and its absence when e
// has none (session END is not session END timeout; an AQtive Guard
// record's template leaves out the keys of other log types, see audit). A line whose
// template is its masked raw text (a service line, text without a
// message) is looked for by up to templateWords of the longest words its
// masking left alone, where e holds them: not exact either. What the
// template adds to say what it folds (the kind's name, "denied:") is in
// no entry, and is left out.
func templateQuery(e *model.Entry, text string) (string, bool) {
	b := templateTerms{terms: []string{query.Term("kind", e.Kind.String()), query.Term("level", e.Level.String())}, exact: true}
	fs := e.Fields
	switch e.Kind {
	case model.KindService:
		b.lineWords(text)
	case model.KindAnalytics:
		b.values(fs, model.KeyEventType)
		b.masked(fs, model.KeyErrorMessage)
	case model.KindAudit:
		b.audit(fs)
	case model.KindSession, model.KindFlow, model.KindGap, model.KindBoundary:
		b.values(fs, valueKeys[e.Kind]...)
	default:
		if fs.Value(model.KeyMessage) != "" {
			b.masked(fs, model.KeyMessage)
		} else {
			b.lineWords(text)
		}
	}
	return b.query(), b.exact
}

// templateTerms gathers the terms of a template's query.
type templateTerms struct {
	terms []string
	words []fieldWord // looked for by the longest templateWords of them
	exact bool        // every term finds the template's lines and no other
}

// audit adds the terms of an audit record's template (auditText).
func (b *templateTerms) audit(fs model.Fields) {
	if model.IsLinuxAudit(fs) {
		b.masked(fs, linuxAuditKeys...)
		return
	}
	// A record has the keys of its log type only (a web request its
	// method, path and status): the others' absence is not written, which
	// would make the filter longer than the template, and the query is not
	// exact.
	b.present(fs, b.values, auditValueKeys...)
	b.present(fs, b.masked, auditMaskedKeys...)
	b.present(fs, b.values, auditStatusKeys...)
	if deniedAudit(fs) {
		b.values(fs, model.KeyAccessGranted)
		b.masked(fs, model.KeyDeniedReason)
	} else {
		b.terms = append(b.terms, query.Not(query.Term("."+model.KeyAccessGranted, "false")))
	}
}

// values adds, for each of keys, an exact term for the value fs has, or
// a term for its absence.
func (b *templateTerms) values(fs model.Fields, keys ...string) {
	for _, k := range keys {
		b.terms = append(b.terms, valueTerm(k, fs.Value(k)))
	}
}

// present adds the terms of those of keys fs has a value of, as add
// does, and leaves the query not exact when it lacks one.
func (b *templateTerms) present(fs model.Fields, add func(model.Fields, ...string), keys ...string) {
	for _, k := range keys {
		if fs.Value(k) == "" {
			b.exact = false
			continue
		}
		add(fs, k)
	}
}

// masked adds, for each of keys, the term that finds the value's masked
// form: the value exactly when masking leaves it alone, else its shape.
func (b *templateTerms) masked(fs model.Fields, keys ...string) {
	for _, k := range keys {
		v := fs.Value(k)
		m := string(mask.Line(nil, []byte(v)))
		if m == v {
			b.terms = append(b.terms, valueTerm(k, v))
			continue
		}
		b.terms = append(b.terms, query.Glob("."+k, shapeGlob(m, v)))
		b.exact = false
	}
}

// lineWords looks for the literal words of a masked raw line.
func (b *templateTerms) lineWords(text string) {
	b.words = lineWords(b.words, "", text)
	b.exact = false
}

// query is the terms, then the longest words.
func (b *templateTerms) query() string {
	words := b.words
	slices.SortStableFunc(words, func(a, b fieldWord) int { return cmp.Compare(len(b.word), len(a.word)) })
	for _, w := range words[:min(templateWords, len(words))] {
		b.terms = append(b.terms, w.term())
	}
	return query.And(b.terms...)
}

// valueTerm finds a field's value exactly, or, for "" (which a template
// writes as nothing), an entry without the field or with it empty.
func valueTerm(k, v string) string {
	if v == "" {
		return query.Or(query.Not(query.Present("."+k)), query.Term("."+k, ""))
	}
	return query.Term("."+k, v)
}

// shapeGlob is the glob of masked, the template of value: its
// placeholders as stars. A template cut at its length cap, or one without
// the CRs that end value, ends with a star for the rest.
func shapeGlob(masked, value string) string {
	g := mask.Uncut(masked)
	cut := g != masked
	for _, p := range mask.Placeholders {
		g = strings.ReplaceAll(g, p, "*")
	}
	if cut || strings.HasSuffix(value, "\r") {
		g += "*"
	}
	for strings.Contains(g, "**") {
		g = strings.ReplaceAll(g, "**", "*")
	}
	return g
}

// A fieldWord is a literal word of a template and where its lines hold
// it: in a field's value, or (key "") in the raw line.
type fieldWord struct{ key, word string }

// term is the query term that finds the word where it is held: a phrase,
// which reads best, for a word of the raw line or one a record writes as
// it is whatever its encoding (JSON, key=value), else a search of the field.
func (w fieldWord) term() string {
	if w.key == "" || asWritten(w.word) {
		return query.Phrase(w.word)
	}
	return query.Holding("."+w.key, w.word)
}

// asWritten reports whether every byte of word is one no record encoding
// escapes: no quote, backslash, slash, '<', '>' or '&' (which JSON
// encoders may write as \u0026), no control or non-ASCII byte.
func asWritten(word string) bool {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"'\\/<>&`", c) >= 0 {
			return false
		}
	}
	return true
}

// lineWords adds the literal words of a masked text, held in key.
func lineWords(words []fieldWord, key, masked string) []fieldWord {
	for _, w := range literalWords(masked) {
		words = append(words, fieldWord{key, w})
	}
	return words
}

// LiteralWords returns up to n of the longest words of a masked template
// (or failure reason) that the masker left alone, longest first: each a
// part of every line the template folds, to search for. A word the
// template was cut in is kept up to the cut.
func LiteralWords(tmpl string, n int) []string {
	words := literalWords(tmpl)
	slices.SortStableFunc(words, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return words[:min(n, len(words))]
}

// literalWords returns the words of a masked template without a "<…>"
// placeholder in them, and without the punctuation around them.
func literalWords(tmpl string) []string {
	var out []string
	for _, w := range strings.Fields(mask.Uncut(tmpl)) {
		w = strings.Trim(w, ".,;:()[]{}\"'")
		if len(w) < 3 || strings.ContainsAny(w, "<>") {
			continue
		}
		out = append(out, w)
	}
	return out
}
