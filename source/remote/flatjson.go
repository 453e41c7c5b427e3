package remote

import (
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// errNotFlat is a response line that is not an object of string values.
var errNotFlat = errors.New("not a JSON object of strings")

// parseFlatObject reads a JSON object whose values are all strings — every
// line VictoriaLogs sends — calling set for each key and value. It is the
// response's hot path: encoding/json spends several times longer on it.
// Strings without escapes are handed on without copying (valid only during
// set); escaped ones are decoded as encoding/json does, invalid UTF-8 and
// lone surrogates becoming U+FFFD.
func parseFlatObject(b []byte, set func(key, val []byte)) error {
	i := skipWS(b, 0)
	if i >= len(b) || b[i] != '{' {
		return errNotFlat
	}
	i = skipWS(b, i+1)
	if i < len(b) && b[i] == '}' {
		return trailing(b, i+1)
	}
	var kbuf, vbuf []byte
	for {
		key, j, err := jsonString(b, i, kbuf[:0])
		if err != nil {
			return err
		}
		j = skipWS(b, j)
		if j >= len(b) || b[j] != ':' {
			return errNotFlat
		}
		val, k, err := jsonValue(b, skipWS(b, j+1), vbuf[:0])
		if err != nil {
			return err
		}
		set(key, val)
		k = skipWS(b, k)
		if k >= len(b) {
			return errNotFlat
		}
		switch b[k] {
		case ',':
			i = skipWS(b, k+1)
		case '}':
			return trailing(b, k+1)
		default:
			return errNotFlat
		}
	}
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func trailing(b []byte, i int) error {
	if skipWS(b, i) != len(b) {
		return errNotFlat
	}
	return nil
}

// jsonValue reads a string value, or null, which reads as "" (as
// encoding/json reads it into a string).
func jsonValue(b []byte, i int, buf []byte) ([]byte, int, error) {
	if len(b)-i >= 4 && string(b[i:i+4]) == "null" {
		return nil, i + 4, nil
	}
	return jsonString(b, i, buf)
}

// jsonString reads the string at b[i] and returns its value and the index
// after it. buf is reused for escaped strings.
func jsonString(b []byte, i int, buf []byte) ([]byte, int, error) {
	if i >= len(b) || b[i] != '"' {
		return nil, 0, errNotFlat
	}
	i++
	start := i
	for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 && b[i] < utf8.RuneSelf {
		i++
	}
	if i < len(b) && b[i] == '"' {
		return b[start:i], i + 1, nil // plain ASCII: no copy
	}
	buf = append(buf, b[start:i]...)
	for i < len(b) {
		switch c := b[i]; {
		case c == '"':
			return buf, i + 1, nil
		case c < 0x20:
			return nil, 0, errNotFlat
		case c == '\\':
			var err error
			if buf, i, err = jsonEscape(b, i+1, buf); err != nil {
				return nil, 0, err
			}
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, n := utf8.DecodeRune(b[i:])
			buf = utf8.AppendRune(buf, r) // invalid bytes become U+FFFD, as encoding/json
			i += n
		}
	}
	return nil, 0, errNotFlat
}

// jsonEscape decodes the escape after a backslash at b[i].
func jsonEscape(b []byte, i int, buf []byte) ([]byte, int, error) {
	if i >= len(b) {
		return nil, 0, errNotFlat
	}
	switch c := b[i]; c {
	case '"', '\\', '/':
		return append(buf, c), i + 1, nil
	case 'b':
		return append(buf, '\b'), i + 1, nil
	case 'f':
		return append(buf, '\f'), i + 1, nil
	case 'n':
		return append(buf, '\n'), i + 1, nil
	case 'r':
		return append(buf, '\r'), i + 1, nil
	case 't':
		return append(buf, '\t'), i + 1, nil
	case 'u':
		r, ok := hex4(b, i+1)
		if !ok {
			return nil, 0, errNotFlat
		}
		i += 5
		if utf16.IsSurrogate(r) {
			if r2, ok := hex4(b, i+2); ok && i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					return utf8.AppendRune(buf, dec), i + 6, nil
				}
			}
			r = utf8.RuneError
		}
		return utf8.AppendRune(buf, r), i, nil
	}
	return nil, 0, errNotFlat
}

// hex4 reads four hex digits at b[i].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
