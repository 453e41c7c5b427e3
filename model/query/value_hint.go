package query

import "strings"

// emptyValueHint says what to write after a field's operator when nothing
// is there yet, so that the hint shown while a term is being typed names
// the values the field takes: levels for level>=, kinds for kind:, a time
// for since: and time>.
func emptyValueHint(t token) string {
	if !t.literal {
		if isTimeBound(t.text) {
			name := strings.ToLower(t.text)
			return "write a time: " + name + ":15m or " + name + ":2026-11-20T08:00"
		}
		if a, ok := lookupAlias(t.text); ok {
			switch a.Attr {
			case AttrLevel:
				return LevelNames()
			case AttrKind:
				return KindNames()
			case AttrTime:
				return "write a time: time>=14:05, time<2026-11-20T08:00"
			}
		}
	}
	if t.op.isOrdering() {
		return "write a number, with a unit if you like: rx>10MB, duration>=30s"
	}
	return `quote a value that is empty or has spaces or parentheses: user="a b"`
}
