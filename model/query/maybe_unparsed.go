package query

import (
	"strings"

	"connlog/model"
)

// MayMatchUnparsed reports whether e could pass the query when it is
// loaded with its row, its raw bytes and the indexed fields Match reads,
// but its line is not parsed (so it lacks its message): false means it
// cannot, so a view builder need not parse the line. It holds for a line
// whose every message is a part of its raw bytes (decode.MessageInRaw) and
// whose indexed fields are those its parse yields. Terms on the row, on
// indexed keys and on words and expressions are decided as Match decides
// them; a message term is false when the raw line lacks a text every
// matching message holds; any other term could go either way.
func (q *Query) MayMatchUnparsed(e *model.Entry) bool {
	if q == nil || q.root == nil {
		return true
	}
	return eval3(q.root, func(leaf matcher) tri { return unparsedMaybe(leaf, e) }) != triNo
}

// unparsedMaybe is what one leaf says of an unparsed line e.
func unparsedMaybe(leaf matcher, e *model.Entry) tri {
	switch n := leaf.(type) {
	case *levelMatcher, *kindMatcher, *timeMatcher, *textMatcher, *regexMatcher:
		return triOf(leaf.match(e))
	case *fieldMatcher:
		switch {
		case n.readsMessageOnly():
			if !n.test.mayHold(searchText(e)) {
				return triNo
			}
		case n.readsIndexedOnly():
			return triOf(n.match(e))
		}
	}
	return triUnknown
}

// decidesUnparsed reports whether MayMatchUnparsed can answer no to m
// where a parse would be needed: a message term with a text to look for.
// (Words and indexed keys are read without a parse anyway.)
func decidesUnparsed(m matcher) bool {
	n, ok := m.(*fieldMatcher)
	return ok && n.readsMessageOnly() && !n.test.mayHold("")
}

// readsIndexedOnly reports whether the term reads keys the index holds,
// and maybe the envelope's host or unit, which a load rebuilds as a parse
// would.
func (m *fieldMatcher) readsIndexedOnly() bool {
	for _, k := range m.keys {
		if !model.IsIndexed(k) {
			return false
		}
	}
	return true
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
