package envelope

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// A minimal JSON reader for the two JSON envelopes. encoding/json would
// allocate a map or a struct per line and copy every string; the envelopes
// need three to a dozen string values from a flat object, most of them
// without escapes, so reading the bytes in place is several times faster.

// jstr is a JSON string found in the input: the bounds of its content
// (between the quotes) and what kind of escapes it holds.
type jstr struct {
	start, end int  // content bounds in the scanned slice
	escapes    bool // holds at least one backslash escape
	nlEnd      bool // content ends with the escape \n
	onlyNLEnd  bool // the trailing \n is its only escape
}

// isSpace reports whether c is JSON whitespace.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the index of the first non-whitespace byte at or after i.
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// scanString reads the JSON string whose opening quote is at b[i] and
// returns it with the index just past its closing quote. It rejects unknown
// escapes and unterminated strings.
func scanString(b []byte, i int) (jstr, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return jstr{}, i, false
	}
	s := jstr{start: i + 1}
	j := i + 1
	lastEsc, nEsc := -1, 0
	for {
		q := bytes.IndexByte(b[j:], '"')
		if q < 0 {
			return jstr{}, len(b), false
		}
		k := bytes.IndexByte(b[j:j+q], '\\')
		if k < 0 {
			s.end = j + q
			break
		}
		e := j + k
		n, ok := escapeLen(b, e)
		if !ok {
			return jstr{}, e, false
		}
		lastEsc, nEsc = e, nEsc+1
		j = e + n
	}
	s.escapes = nEsc > 0
	s.nlEnd = lastEsc >= 0 && lastEsc == s.end-2 && b[lastEsc+1] == 'n'
	s.onlyNLEnd = s.nlEnd && nEsc == 1
	return s, s.end + 1, true
}

// escapeLen returns the length of the escape sequence starting with the
// backslash at b[e].
func escapeLen(b []byte, e int) (int, bool) {
	if e+1 >= len(b) {
		return 0, false
	}
	switch b[e+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, true
	case 'u':
		if e+6 > len(b) {
			return 0, false
		}
		for _, c := range b[e+2 : e+6] {
			if !isHex(c) {
				return 0, false
			}
		}
		return 6, true
	}
	return 0, false
}

// hex4 decodes the four hex digits at b[i:], which scanString has checked.
func hex4(b []byte, i int) rune {
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= 'a':
			c = c - 'a' + 10
		case c >= 'A':
			c = c - 'A' + 10
		default:
			c -= '0'
		}
		r = r<<4 | rune(c)
	}
	return r
}

// appendUnescaped appends the content of a JSON string checked by
// scanString, with its escapes resolved, to dst. Unpaired surrogates become
// U+FFFD, as encoding/json does. The result is never longer than s.
func appendUnescaped(dst, s []byte) []byte {
	for len(s) > 0 {
		k := bytes.IndexByte(s, '\\')
		if k < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:k]...)
		s = s[k:]
		if len(s) < 2 {
			return append(dst, s...)
		}
		if s[1] == 'u' {
			var r rune
			r, s = unicodeEscape(s)
			dst = utf8.AppendRune(dst, r)
			continue
		}
		dst, s = append(dst, byte(escapedRune(s, 0))), s[2:]
	}
	return dst
}

// unicodeEscape decodes the \uXXXX escape (or surrogate pair) at the start
// of s and returns the rune and the rest of s.
func unicodeEscape(s []byte) (rune, []byte) {
	if len(s) < 6 {
		return utf8.RuneError, s[len(s):]
	}
	r := hex4(s, 2)
	s = s[6:]
	if !utf16.IsSurrogate(r) {
		return r, s
	}
	if len(s) >= 6 && s[0] == '\\' && s[1] == 'u' && isHex(s[2]) && isHex(s[3]) && isHex(s[4]) && isHex(s[5]) {
		if p := utf16.DecodeRune(r, hex4(s, 2)); p != utf8.RuneError {
			return p, s[6:]
		}
	}
	return utf8.RuneError, s
}

// skipValue returns the index just past the JSON value starting at b[i].
// Objects and arrays are skipped by counting brackets outside strings, which
// is all the envelopes need from the values they do not read.
func skipValue(b []byte, i int) (int, bool) {
	if i >= len(b) {
		return i, false
	}
	switch b[i] {
	case '"':
		_, end, ok := scanString(b, i)
		return end, ok
	case '{', '[':
		return skipComposite(b, i)
	}
	j := i
	for j < len(b) && !isSpace(b[j]) && b[j] != ',' && b[j] != '}' && b[j] != ']' {
		j++
	}
	return j, j > i
}

// skipComposite skips the object or array opening at b[i].
func skipComposite(b []byte, i int) (int, bool) {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '"':
			_, end, ok := scanString(b, j)
			if !ok {
				return end, false
			}
			j = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return j + 1, true
			}
		}
	}
	return len(b), false
}

// objIter walks the members of one flat JSON object without allocating.
type objIter struct {
	b      []byte
	i      int
	first  bool
	closed bool
}

// newObjIter starts reading the object that opens b (after whitespace).
func newObjIter(b []byte) (objIter, bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return objIter{}, false
	}
	return objIter{b: b, i: i + 1, first: true}, true
}

// next returns the next member's key (its raw content, escapes unresolved)
// and the index where its value starts. It returns false at the end of the
// object or on malformed input; done tells which.
func (it *objIter) next() (key []byte, val int, ok bool) {
	i := skipSpace(it.b, it.i)
	if i < len(it.b) && it.b[i] == '}' {
		it.i, it.closed = i+1, true
		return nil, 0, false
	}
	if !it.first {
		if i >= len(it.b) || it.b[i] != ',' {
			return nil, 0, false
		}
		i = skipSpace(it.b, i+1)
	}
	it.first = false
	k, end, ok := scanString(it.b, i)
	if !ok {
		return nil, 0, false
	}
	i = skipSpace(it.b, end)
	if i >= len(it.b) || it.b[i] != ':' {
		return nil, 0, false
	}
	it.i = skipSpace(it.b, i+1)
	return it.b[k.start:k.end], it.i, true
}

// skip moves past the value starting at val.
func (it *objIter) skip(val int) bool {
	end, ok := skipValue(it.b, val)
	it.i = end
	return ok
}

// done reports whether the object closed and nothing but whitespace follows.
func (it *objIter) done() bool {
	return it.closed && skipSpace(it.b, it.i) == len(it.b)
}
