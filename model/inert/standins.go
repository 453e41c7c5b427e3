package inert

import "strings"

// SanitizeStandIns is Sanitize, with the byte ranges in its result of
// the stand-ins it wrote (␛, \x00, \t, ‹U+202E›), in order: a wrap that
// splits \x1b into \x and 1b shows two pieces that read as neither, so a
// caller that wraps keeps each range on one line.
func SanitizeStandIns(s string) (string, [][2]int) {
	if Plain(s) {
		return s, nil
	}
	dst := make([]byte, 0, len(s)+16)
	var spans [][2]int
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			dst = append(dst, c)
			i++
			continue
		}
		from := len(dst)
		var standIn bool
		if dst, i, standIn = appendUnit(dst, s, i); standIn {
			spans = append(spans, [2]int{from, len(dst)})
		}
	}
	return string(dst), spans
}

// StandInsIn returns the byte ranges of text, text already made inert,
// that read as a stand-in Sanitize writes for a byte (\x1b, \t, \n, \r,
// ‹U+202E›; ␛ is one character and needs none): what a wrap of shown text
// keeps on one line. A backslash kept from the line followed by the same
// characters reads the same and is kept whole too, which a wrap may do.
func StandInsIn(text string) [][2]int {
	var spans [][2]int
	for i := 0; i < len(text); i++ {
		if n := standInAt(text[i:]); n > 0 {
			spans = append(spans, [2]int{i, i + n})
			i += n - 1
		}
	}
	return spans
}

// standInAt is the length of the stand-in s starts with, 0 for none.
func standInAt(s string) int {
	switch {
	case len(s) >= 4 && s[0] == '\\' && s[1] == 'x' && isHex(s[2]) && isHex(s[3]):
		return 4
	case len(s) >= 2 && s[0] == '\\' && (s[1] == 't' || s[1] == 'n' || s[1] == 'r'):
		return 2
	case strings.HasPrefix(s, "‹U+"):
		n := len("‹U+")
		for n < len(s) && isHex(s[n]) {
			n++
		}
		if n-len("‹U+") >= 4 && strings.HasPrefix(s[n:], "›") {
			return n + len("›")
		}
	}
	return 0
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
