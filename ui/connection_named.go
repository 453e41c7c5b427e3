package ui

import (
	"strings"

	"connlog/model"
)

// namedConnID returns the first Twingate connection id a line's text names
// ("tunnel::on_data: conn=2ad8d54a58d092c2-1 rx=210"), or "". A service line
// of a connection has no id field, but at level 7 most of them name it:
// c on such a line goes to that connection as on its events.
func namedConnID(text string) string {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isIDRune(r) }) {
		if _, v, ok := strings.Cut(w, "="); ok {
			w = v
		}
		if model.IsConnID(w) {
			return w
		}
	}
	return ""
}

// isIDRune reports whether r may be part of a "key=id" word.
func isIDRune(r rune) bool {
	return r == '=' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
}
