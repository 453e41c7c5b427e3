package query

import (
	"strings"

	"connlog/model"
)

// RawMayMatch reports whether a line whose raw bytes are raw could pass
// the query, when every message its parse yields is a part of those bytes
// (decode.MessageInRaw says which lines): false means it cannot, whatever
// its fields, so a view builder need not decode or parse it. Words and
// regular expressions are decided on raw, as Match decides them; a message
// term is false when raw lacks a text every matching message holds; any
// other term could go either way.
func (q *Query) RawMayMatch(raw []byte) bool {
	if q == nil || q.root == nil {
		return true
	}
	text := bytesAsString(raw)
	return eval3(q.root, func(leaf matcher) tri { return rawMaybe(leaf, text) }) != triNo
}

// rawMaybe is what one leaf says of a line whose raw text is text.
func rawMaybe(leaf matcher, text string) tri {
	switch n := leaf.(type) {
	case *textMatcher:
		return triOf(n.pat.contains(text))
	case *regexMatcher:
		return triOf(n.mayMatch(text) && n.re.MatchString(text))
	case *fieldMatcher:
		if n.readsMessageOnly() && !n.test.mayHold(text) {
			return triNo
		}
	}
	return triUnknown
}

// decidesOnRaw reports whether m is a term RawMayMatch can answer no to:
// a word, an expression, or a message term with a text to look for.
func decidesOnRaw(m matcher) bool {
	switch n := m.(type) {
	case *textMatcher, *regexMatcher:
		return true
	case *fieldMatcher:
		return n.readsMessageOnly() && !n.test.mayHold("")
	}
	return false
}

// readsMessageOnly reports whether the term reads the message and nothing
// else: then the values it tests are parts of a qualifying raw line.
func (m *fieldMatcher) readsMessageOnly() bool {
	if m.attr != AttrNone || len(m.keys) == 0 {
		return false
	}
	for _, k := range m.keys {
		if k != model.KeyMessage {
			return false
		}
	}
	return true
}

// triOf is a known truth.
func triOf(b bool) tri {
	if b {
		return triYes
	}
	return triNo
}

// mayHold reports whether text holds every piece of text between the
// glob's stars: a value the glob matches holds each, so a text a value is
// part of does too.
func (t *globTest) mayHold(text string) bool {
	for i := range t.g.parts {
		if p := &t.g.parts[i]; p.text != "" && !p.contains(text) {
			return false
		}
	}
	return true
}

// mayHold reports whether text holds the value; a test that compares
// numbers (msg=42 also matches 42.0) says yes.
func (t *exactTest) mayHold(text string) bool {
	return t.isNum || strings.Contains(text, t.value)
}

// mayHold: an ordering compares numbers, which a text need not hold.
func (t *compareTest) mayHold(string) bool { return true }
