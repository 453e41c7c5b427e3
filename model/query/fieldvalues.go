package query

import "strings"

// FieldValue is the value of one field term as written in a query, with
// the field keys the term reads: what a caller needs to rewrite the values
// of some fields (a redacted export's manifest replaces those holding
// personal data) and leave the rest of the text as typed.
type FieldValue struct {
	Keys     []string // the keys the term reads; nil for an attribute (level, kind, time, since)
	Value    string   // the value, decoded
	Pattern  bool     // a glob with '*' or an ordering (rx>1MB): it stands for many values, not one
	Pos, End int      // the value's bytes in the query, its quotes included
	From     int      // the term's first byte (its field name): q[From:End] is the term alone
}

// FieldValues lists the field terms' values of src in order. A query that
// does not lex, or names an unknown field, is an error, as Compile says.
func FieldValues(src string) ([]FieldValue, error) {
	toks, err := lexed(src)
	var out []FieldValue
	for _, t := range toks {
		if t.kind != tokField {
			continue
		}
		fv := FieldValue{Value: t.value, Pattern: isPattern(t), Pos: t.valuePos, End: t.end, From: t.pos}
		if t.literal || !isTimeBound(t.text) {
			ref, rerr := resolveField(t)
			if rerr != nil {
				return nil, rerr
			}
			fv.Keys = ref.keys
		}
		out = append(out, fv)
	}
	return out, err
}

// isPattern reports whether a field term matches many values: a glob
// with a wildcard, or an ordering. A glob without one matches its value
// alone (in any case when written in lower case).
func isPattern(t token) bool {
	return t.op.isOrdering() || t.op == opGlob && strings.Contains(t.value, "*") || takesSubModules(t)
}

// TextTerm is a bare word, a quoted phrase or a regular expression of a
// query as written: what searches the raw line.
type TextTerm struct {
	Text     string // the word or phrase decoded, the regex's pattern
	Regex    bool
	Pos, End int // the term's bytes in the query, its quotes or slashes included
}

// TextTerms lists the text terms of src in order; a query that does not
// lex is an error.
func TextTerms(src string) ([]TextTerm, error) {
	toks, err := lexed(src)
	var out []TextTerm
	for _, t := range toks {
		switch t.kind {
		case tokWord, tokPhrase, tokRegex:
			out = append(out, TextTerm{Text: t.text, Regex: t.kind == tokRegex, Pos: t.pos, End: t.end})
		}
	}
	return out, err
}

// lexed is lex with its error as an error (nil when there is none): no
// tokens, and the error, for a query that does not lex.
func lexed(src string) ([]token, error) {
	toks, lerr := lex(src)
	if lerr != nil {
		return nil, lerr
	}
	return toks, nil
}
