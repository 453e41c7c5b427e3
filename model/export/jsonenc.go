package export

import (
	"strconv"
	"unicode/utf8"
	"unsafe"
)

const hexDigits = "0123456789abcdef"

// AppendJSONString appends s as a JSON string: the one JSON string encoder
// of connlog (exports and the demo's generated lines). Control characters
// are escaped; U+2028 and U+2029, valid JSON but line ends to JavaScript,
// are escaped as encoding/json does; bytes that are not valid UTF-8 become
// U+FFFD, so the output is always valid. Callers that must keep such bytes
// exactly encode them some other way. It copies unescaped runs whole, which
// makes it about twice as fast as a byte-at-a-time loop on ASCII text.
func AppendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = appendJSONEscape(dst, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		// U+2028 and U+2029 are valid JSON but end a line in JavaScript.
		if r == 0x2028 || r == 0x2029 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\u202`...)
			dst = append(dst, hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func appendJSONEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
}

// bytesView reads b as a string without copying. The result must not be
// kept past the call that received it, since b may be reused.
func bytesView(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendJSONKey appends "key": .
func appendJSONKey(dst []byte, key string) []byte {
	return append(AppendJSONString(dst, key), ':')
}

// appendJSONNumber appends a numeric field: its own text when that is a JSON
// number (keeping every digit of a large id), otherwise the parsed value,
// otherwise (NaN, infinities) the text as a string.
func appendJSONNumber(dst []byte, text string, n float64) []byte {
	if isJSONNumber(text) {
		return append(dst, text...)
	}
	if s := strconv.FormatFloat(n, 'g', -1, 64); isJSONNumber(s) {
		return append(dst, s...)
	}
	return AppendJSONString(dst, text)
}

// isJSONNumber checks the JSON number grammar:
// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = skipDigits(s, i)
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		j := skipDigits(s, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := skipDigits(s, i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

func skipDigits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
