package query

import (
	"fmt"
	"strings"
)

// The time-bound keywords, written like fields (since:15m).
const (
	keywordSince = "since"
	keywordUntil = "until"
)

// fieldRef is where a field term looks: field keys, an entry attribute, or
// both, and the unit class of its numbers.
type fieldRef struct {
	name  string // as written, for messages
	keys  []string
	attr  Attr
	class valueClass
}

// resolveField turns the field name of a term into the places it reads: the
// exact key for .name, an alias, or one of the parsers' keys. Anything else
// is an error that suggests the nearest known name.
func resolveField(t token) (fieldRef, *Error) {
	if t.literal {
		return fieldRef{name: t.text, keys: []string{t.text}, class: keyClass(t.text)}, nil
	}
	if a, ok := lookupAlias(t.text); ok {
		ref := fieldRef{name: a.Name, keys: a.Keys, attr: a.Attr}
		if len(a.Keys) > 0 {
			ref.class = keyClass(a.Keys[0])
		}
		return ref, nil
	}
	if isKnownKey(t.text) {
		return fieldRef{name: t.text, keys: []string{t.text}, class: keyClass(t.text)}, nil
	}
	return fieldRef{}, unknownFieldError(t)
}

// unknownFieldError says the field does not exist and what was probably meant.
func unknownFieldError(t token) *Error {
	msg := fmt.Sprintf("unknown field %q", t.text)
	if keys := keysHolding(t.text); len(keys) > 0 {
		return errHint(t.pos, msg, "did you mean "+oneOf(keys)+"?")
	}
	if s := suggestField(t.text); s != "" {
		return errHint(t.pos, msg, fmt.Sprintf("did you mean %q?", s))
	}
	return errHint(t.pos, msg, fmt.Sprintf("write .%s to match a key by its exact name, or quote the text to search for it", t.text))
}

// isTimeBound reports whether a field name is since or until.
func isTimeBound(name string) bool {
	return strings.EqualFold(name, keywordSince) || strings.EqualFold(name, keywordUntil)
}
