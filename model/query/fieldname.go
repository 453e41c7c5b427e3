package query

import (
	"slices"
	"strings"
)

// FieldName is how a query names the field key, for a label that should be
// what the user types: the key itself when the language reads that key by
// that name (a parser's key, or an alias that reads it, as level reads an
// audit record's level), else .key, quoted when it needs it: a JSON
// object's own "user" is .user, since the alias user reads user.email.
func FieldName(key string) string {
	if !isPlainName(key) || isTimeBound(key) {
		return "." + literalKeyText(key)
	}
	if a, ok := lookupAlias(key); ok {
		if slices.Contains(a.Keys, key) || strings.EqualFold(a.Attr.String(), key) {
			return key
		}
		return "." + literalKeyText(key)
	}
	if isKnownKey(key) {
		return key
	}
	return "." + literalKeyText(key)
}
