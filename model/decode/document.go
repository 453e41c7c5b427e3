package decode

import (
	"connlog/model"
	"connlog/model/envelope"
)

// Bounds on a pretty-printed JSON document held while its brackets are
// open. A document that grows past either is given up: its lines become
// entries of their own, so a stray "{" cannot swallow a log.
const (
	maxDocumentBytes = 4 << 20
	maxDocumentLines = 100_000
)

// brackets follows the nesting of JSON across lines, skipping brackets
// inside strings.
type brackets struct {
	depth    int
	inString bool
	escaped  bool
}

// scan feeds b and reports whether the nesting closed (depth back to zero)
// somewhere in it.
func (s *brackets) scan(b []byte) bool {
	for _, c := range b {
		switch {
		case s.escaped:
			s.escaped = false
		case s.inString:
			switch c {
			case '\\':
				s.escaped = true
			case '"':
				s.inString = false
			}
		case c == '"':
			s.inString = true
		case c == '{' || c == '[':
			s.depth++
		case c == '}' || c == ']':
			s.depth--
			if s.depth <= 0 {
				return true
			}
		}
	}
	return false
}

// opensDocument reports whether payload starts a JSON object or array that
// does not close on this line, and returns the bracket state after it. The
// character after the opening bracket must be one JSON allows there, so that
// text such as "[INFO] ..." or a Go struct dump "{Type:...}" is never held.
func opensDocument(payload []byte) (brackets, bool) {
	i := 0
	for i < len(payload) && (payload[i] == ' ' || payload[i] == '\t') {
		i++
	}
	if i == len(payload) || (payload[i] != '{' && payload[i] != '[') {
		return brackets{}, false
	}
	j := i + 1
	for j < len(payload) && (payload[j] == ' ' || payload[j] == '\t' || payload[j] == '\r') {
		j++
	}
	if j < len(payload) && !jsonCanFollow(payload[i], payload[j]) {
		return brackets{}, false
	}
	var s brackets
	if s.scan(payload[i:]) {
		return brackets{}, false
	}
	return s, true
}

// jsonCanFollow reports whether c may come first inside open.
func jsonCanFollow(open, c byte) bool {
	if open == '{' {
		return c == '"' || c == '}'
	}
	switch c {
	case '{', '[', '"', ']', '-', 't', 'f', 'n':
		return true
	}
	return c >= '0' && c <= '9'
}

// document holds the lines of a JSON document until its brackets balance.
type document struct {
	lines   []logical // each with its own copy of its bytes
	kind    envelope.Kind
	state   brackets
	size    int
	active  bool
	balance bool
}

// start begins a document with its first line.
func (d *document) start(l *logical, s brackets) {
	*d = document{lines: append(d.lines[:0], l.owned()), kind: l.kind, state: s, size: len(l.raw), active: true}
}

// add appends a line and reports whether the document is now complete.
func (d *document) add(l *logical) bool {
	d.lines = append(d.lines, l.owned())
	d.size += len(l.raw) + 1
	d.balance = d.state.scan(l.payload)
	return d.balance
}

// overflowing reports whether the document passed its bounds.
func (d *document) overflowing() bool {
	return d.size > maxDocumentBytes || len(d.lines) > maxDocumentLines
}

// joined returns the document as one line: raw bytes and payloads joined
// with newlines, the first line's envelope and origin, and the last line's
// want of a newline (the input may have ended without one).
func (d *document) joined() logical {
	l := d.lines[0]
	l.flags |= d.lines[len(d.lines)-1].flags & model.FlagNoNewline
	var raw, payload []byte
	for i := range d.lines {
		if i > 0 {
			raw, payload = append(raw, '\n'), append(payload, '\n')
		}
		raw = append(raw, d.lines[i].raw...)
		payload = append(payload, d.lines[i].payload...)
	}
	l.raw, l.payload = raw, payload
	l.oneLine = len(d.lines) == 1 && l.oneLine
	return l
}

// take empties the document and returns its lines. The slice is handed
// over, so the next document starts a new one.
func (d *document) take() []logical {
	lines := d.lines
	*d = document{}
	return lines
}
