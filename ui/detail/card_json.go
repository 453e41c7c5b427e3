package detail

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Limits of the detail card's JSON section. Log content is hostile: a line
// of 9,990 nested arrays indented in full is 100 million spaces, so the
// pretty-printer indents only so deep and writes only so much, whatever
// the input, and the card says when it stopped.
const (
	maxCardDepth     = 32        // levels indented; a deeper value is written on one line
	maxCardJSONBytes = 128 << 10 // bytes of pretty-printed JSON shown
)

// jsonIndenter writes valid JSON indented by two spaces per level, keys in
// their original order and numbers as written, up to the limits above. An
// analytics event's "location" string that holds JSON is written as the
// value it encodes.
type jsonIndenter struct {
	out       strings.Builder
	tooDeep   bool // a value was nested deeper than maxCardDepth
	truncated bool // the output reached maxCardJSONBytes
}

// prettyJSON indents a JSON object; ok is false when p is not one.
func prettyJSON(p []byte) (text string, tooDeep, truncated, ok bool) {
	if len(p) == 0 || p[0] != '{' || !json.Valid(p) {
		return "", false, false, false
	}
	var ji jsonIndenter
	ji.value(p, 0, true)
	return ji.out.String(), ji.tooDeep, ji.truncated, true
}

// value writes the valid JSON value at the start of p (after white space)
// at depth and returns the rest of p. top marks the event's own object,
// whose "location" string is expanded.
func (ji *jsonIndenter) value(p []byte, depth int, top bool) []byte {
	p = skipSpace(p)
	if len(p) == 0 || ji.full() {
		return nil
	}
	switch p[0] {
	case '{', '[':
		return ji.container(p, depth, top)
	case '"':
		n := stringEnd(p)
		ji.write(p[:n])
		return p[n:]
	}
	n := 0
	for n < len(p) && !bytes.ContainsRune([]byte(",:]} \t\r\n"), rune(p[n])) {
		n++
	}
	ji.write(p[:n])
	return p[n:]
}

// container writes an object or array, its members one per line while
// depth allows, on one line beyond.
func (ji *jsonIndenter) container(p []byte, depth int, top bool) []byte {
	open, closer := p[0], byte('}')
	if open == '[' {
		closer = ']'
	}
	p = skipSpace(p[1:])
	ji.write([]byte{open})
	if len(p) > 0 && p[0] == closer {
		ji.write([]byte{closer})
		return p[1:]
	}
	inner := depth + 1
	if inner > maxCardDepth {
		ji.tooDeep = true
	}
	for len(p) > 0 && !ji.full() {
		ji.newline(inner)
		if open == '{' {
			p = ji.member(p, inner, top)
		} else {
			p = ji.value(p, inner, false)
		}
		p = skipSpace(p)
		if len(p) == 0 || p[0] != ',' {
			break
		}
		ji.write([]byte{','})
		p = p[1:]
	}
	ji.newline(depth)
	ji.write([]byte{closer})
	if len(p) > 0 && p[0] == closer {
		p = p[1:]
	}
	return p
}

// member writes "key": value; the event's location string is expanded.
func (ji *jsonIndenter) member(p []byte, depth int, top bool) []byte {
	p = skipSpace(p)
	n := stringEnd(p)
	key := p[:n]
	ji.write(key)
	p = skipSpace(p[n:])
	if len(p) > 0 && p[0] == ':' {
		p = p[1:]
	}
	ji.write([]byte(": "))
	if top && string(key) == `"location"` {
		if rest, ok := ji.expandString(p, depth); ok {
			return rest
		}
	}
	return ji.value(p, depth, false)
}

// expandString writes a string value that holds a JSON object or array as
// that value.
func (ji *jsonIndenter) expandString(p []byte, depth int) ([]byte, bool) {
	p = skipSpace(p)
	if len(p) == 0 || p[0] != '"' {
		return p, false
	}
	n := stringEnd(p)
	var inner string
	if json.Unmarshal(p[:n], &inner) != nil {
		return p, false
	}
	b := bytes.TrimSpace([]byte(inner))
	if len(b) == 0 || (b[0] != '{' && b[0] != '[') || !json.Valid(b) {
		return p, false
	}
	ji.value(b, depth, false)
	return p[n:], true
}

// newline starts a line at depth, unless depth is past the limit: deeper
// values stay on the current line.
func (ji *jsonIndenter) newline(depth int) {
	if depth > maxCardDepth {
		return
	}
	ji.write([]byte{'\n'})
	ji.write([]byte(strings.Repeat("  ", depth)))
}

// write appends b within the byte budget.
func (ji *jsonIndenter) write(b []byte) {
	if room := maxCardJSONBytes - ji.out.Len(); len(b) > room {
		b, ji.truncated = b[:max(room, 0)], true
	}
	ji.out.Write(b)
}

func (ji *jsonIndenter) full() bool { return ji.truncated }

// skipSpace drops JSON white space.
func skipSpace(p []byte) []byte {
	return bytes.TrimLeft(p, " \t\r\n")
}

// stringEnd returns the length of the JSON string at the start of p,
// quotes included.
func stringEnd(p []byte) int {
	for i := 1; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(p)
}
