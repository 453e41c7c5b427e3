package export

import "unicode/utf8"

// Sanitize makes s inert on a terminal: every byte that could move the
// cursor, change colours, reorder text or hide characters is replaced by a
// visible stand-in, and everything else is kept. ESC becomes "␛" (so an
// escape sequence reads as ␛[2J), tab, newline and carriage return become
// \t, \n and \r, other C0 controls and DEL become \xNN, C1 controls and the
// invisible or direction-changing format characters (bidi overrides and
// isolates, zero-width spaces and joiners, the BOM, line and paragraph
// separators) become ‹U+XXXX›, and bytes that are not valid UTF-8 become \xNN.
// Backslashes are kept as they are, so the output is for reading, not for
// decoding. A string that needs no change is returned without copying.
func Sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	return string(appendSanitized(make([]byte, 0, len(s)+16), s))
}

// AppendSanitized appends the Sanitize form of s to dst and returns it, for
// callers that render into a reused buffer.
func AppendSanitized(dst []byte, s string) []byte {
	if isPlain(s) {
		return append(dst, s...)
	}
	return appendSanitized(dst, s)
}

// isPlain is the fast path: printable ASCII needs no escaping.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

const hexDigits = "0123456789abcdef"

func appendSanitized(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			dst = append(dst, c)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			dst = appendControl(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
		case isHiddenRune(r):
			dst = appendCodePoint(dst, r)
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

func appendControl(dst []byte, c byte) []byte {
	switch c {
	case 0x1b:
		return append(dst, "␛"...)
	case '\t':
		return append(dst, '\\', 't')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	}
	return append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
}

// appendCodePoint writes ‹U+202E›: at least four upper-case hex digits.
func appendCodePoint(dst []byte, r rune) []byte {
	dst = append(dst, "‹U+"...)
	digits := 4
	for r>>(4*digits) != 0 {
		digits++
	}
	for i := digits - 1; i >= 0; i-- {
		dst = append(dst, upperHex[(r>>(4*i))&0xf])
	}
	return append(dst, "›"...)
}

const upperHex = "0123456789ABCDEF"

// isHiddenRune reports runes that a terminal acts on or draws as nothing:
// C1 controls (0x9b is a one-byte CSI), bidi controls that reorder what
// follows (the "Trojan Source" characters), zero-width characters that can
// hide text inside a word, and separators that some terminals treat as line
// breaks.
func isHiddenRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // arabic letter mark, LRM, RLM
		return true
	case r >= 0x202a && r <= 0x202e: // LRE RLE PDF LRO RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI RLI FSI PDI
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff: // zero width space/joiners, word joiner, BOM
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r == 0x00ad: // soft hyphen: invisible unless a line breaks there
		return true
	}
	return false
}
