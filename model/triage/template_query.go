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
// text: the query language has no term for a masked line, so the kind,
// the level, the fields the template holds as they are, and up to
// templateWords of the longest words its masking left alone. Each is
// looked for where e holds it: a service line's words in the raw line, a
// masked field's in that field. What the template adds to say what it
// folds (the kind's name, "denied:") is in no entry, and is left out.
func templateQuery(e *model.Entry, text string) string {
	terms := []string{query.Term("kind", e.Kind.String())}
	if e.Level != model.LevelNone {
		terms = append(terms, query.Term("level", e.Level.String()))
	}
	fs := e.Fields
	var words []fieldWord
	switch e.Kind {
	case model.KindService:
		words = lineWords(nil, "", text)
	case model.KindAnalytics:
		terms = valueTerms(terms, fs, model.KeyEventType)
		words = maskedWords(nil, fs, model.KeyErrorMessage)
	case model.KindAudit:
		terms, words = auditQuery(terms, fs)
	case model.KindSession, model.KindFlow, model.KindGap, model.KindBoundary:
		terms = valueTerms(terms, fs, valueKeys[e.Kind]...)
	default:
		if fs.Value(model.KeyMessage) != "" {
			words = maskedWords(nil, fs, model.KeyMessage)
		} else {
			words = lineWords(nil, "", text)
		}
	}
	slices.SortStableFunc(words, func(a, b fieldWord) int { return cmp.Compare(len(b.word), len(a.word)) })
	for _, w := range words[:min(templateWords, len(words))] {
		terms = append(terms, w.term())
	}
	return query.And(terms...)
}

// auditQuery adds the terms of an audit record's template (auditText).
func auditQuery(terms []string, fs model.Fields) ([]string, []fieldWord) {
	if model.IsLinuxAudit(fs) {
		return terms, maskedWords(nil, fs, linuxAuditKeys...)
	}
	terms = valueTerms(terms, fs, auditValueKeys...)
	terms = valueTerms(terms, fs, auditStatusKeys...)
	words := maskedWords(nil, fs, auditMaskedKeys...)
	if deniedAudit(fs) {
		terms = valueTerms(terms, fs, model.KeyAccessGranted)
		words = maskedWords(words, fs, model.KeyDeniedReason)
	}
	return terms, words
}

// valueTerms adds an exact term for each of keys that fs has a value of.
func valueTerms(terms []string, fs model.Fields, keys ...string) []string {
	for _, k := range keys {
		if v := fs.Value(k); v != "" {
			terms = append(terms, query.Term("."+k, v))
		}
	}
	return terms
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

// maskedWords adds the literal words of the masked value of each of keys.
func maskedWords(words []fieldWord, fs model.Fields, keys ...string) []fieldWord {
	for _, k := range keys {
		if v := fs.Value(k); v != "" {
			words = lineWords(words, k, string(mask.Line(nil, []byte(v))))
		}
	}
	return words
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
