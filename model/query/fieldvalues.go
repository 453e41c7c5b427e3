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
}

// FieldValues lists the field terms' values of src in order. A query that
// does not lex, or names an unknown field, is an error, as Compile says.
func FieldValues(src string) ([]FieldValue, error) {
	toks, lerr := lex(src)
	if lerr != nil {
		return nil, lerr
	}
	var out []FieldValue
	for _, t := range toks {
		if t.kind != tokField {
			continue
		}
		fv := FieldValue{Value: t.value, Pattern: isPattern(t), Pos: t.valuePos, End: t.end}
		if t.literal || !isTimeBound(t.text) {
			ref, err := resolveField(t)
			if err != nil {
				return nil, err
			}
			fv.Keys = ref.keys
		}
		out = append(out, fv)
	}
	return out, nil
}

// isPattern reports whether a field term matches many values: a glob
// with a wildcard, or an ordering. A glob without one matches its value
// alone (in any case when written in lower case).
func isPattern(t token) bool {
	return t.op.isOrdering() || t.op == opGlob && strings.Contains(t.value, "*")
}
