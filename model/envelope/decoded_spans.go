package envelope

import (
	"bytes"
	"unicode/utf8"
)

// DecodedSpans maps the matches of a search in a line read decoded (see
// JSONDecoded.Decode) back to the bytes of the line that wrote them, for
// a view that shows the line as it is: find is called with the decoded
// line and marks [a, b) of it; each mark comes back as the bytes of the
// line that wrote its first and last characters, an escape (\" or \u001b)
// or a byte value (27 of [27,91]) whole. A mark in a value whose escapes
// cannot be told apart is dropped, never put at the wrong place. A line
// that does not decode gives none.
func DecodedSpans(line []byte, find func(decoded string, mark func(a, b int))) [][2]int {
	var m decodedMap
	var scratch []byte
	at := 0
	end, ok := eachJSONText(line, &scratch, func(t JSONText) {
		if t.Form == JSONToken {
			return
		}
		m.raw(line, at, t.From)
		m.add('"', t.From, t.From+1)
		if t.Form == JSONString {
			m.stringValue(line[t.From+1:t.To-1], t.From+1, t.Value)
		} else {
			m.byteValues(line[t.From+1:t.To-1], t.From+1, t.Value)
		}
		m.add('"', t.To-1, t.To)
		at = t.To
	})
	if !ok {
		return nil
	}
	m.raw(line, at, end)
	m.raw(line, end, len(line))
	var spans [][2]int
	find(string(m.text), func(a, b int) {
		if a < 0 || b > len(m.text) || a >= b || m.from[a] < 0 || m.from[b-1] < 0 {
			return
		}
		spans = append(spans, [2]int{m.from[a], m.to[b-1]})
	})
	return spans
}

// decodedMap is a line decoded with, for each byte of it, the bytes of
// the line that wrote it, [from, to); -1 where that is not known.
type decodedMap struct {
	text     []byte
	from, to []int
}

func (m *decodedMap) add(c byte, from, to int) {
	m.text = append(m.text, c)
	m.from = append(m.from, from)
	m.to = append(m.to, to)
}

// raw adds line[a:b], which stands for itself.
func (m *decodedMap) raw(line []byte, a, b int) {
	for i := a; i < b; i++ {
		m.add(line[i], i, i+1)
	}
}

// unknown adds value with no place in the line.
func (m *decodedMap) unknown(value []byte) {
	for _, c := range value {
		m.add(c, -1, -1)
	}
}

// stringValue adds value, what the string content s (at offset base in
// the line) says, each character mapped to what wrote it; when walking s
// does not give value, the value has no place.
func (m *decodedMap) stringValue(s []byte, base int, value []byte) {
	n := len(m.text)
	for i := 0; i < len(s); {
		if s[i] != '\\' || i+1 >= len(s) {
			m.add(s[i], base+i, base+i+1)
			i++
			continue
		}
		if s[i+1] != 'u' {
			m.add(byte(escapedRune(s, i)), base+i, base+i+2)
			i += 2
			continue
		}
		r, rest := unicodeEscape(s[i:])
		j := len(s) - len(rest)
		for _, c := range utf8.AppendRune(nil, r) {
			m.add(c, base+i, base+j)
		}
		i = j
	}
	if !bytes.Equal(m.text[n:], value) {
		m.text, m.from, m.to = m.text[:n], m.from[:n], m.to[:n]
		m.unknown(value)
	}
}

// byteValues adds value, the bytes an array of byte values s (at offset
// base in the line) gives, each mapped to its number.
func (m *decodedMap) byteValues(s []byte, base int, value []byte) {
	n := len(m.text)
	for i, k := 0, 0; i < len(s) && k < len(value); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		m.add(value[k], base+i, base+j)
		i, k = j, k+1
	}
	if len(m.text)-n != len(value) {
		m.text, m.from, m.to = m.text[:n], m.from[:n], m.to[:n]
		m.unknown(value)
	}
}
