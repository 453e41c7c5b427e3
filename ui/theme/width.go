package theme

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// CellWidth is the number of cells s takes on the screen, exactly as
// ansi.StringWidth counts them. ansi.StringWidth segments every grapheme,
// which made it the largest cost of a frame; nearly every line of a frame is
// ASCII and a few box-drawing or punctuation characters styled with SGR
// sequences, which are counted here directly. Anything else (a wide or
// combining character, an escape that is not CSI) goes to ansi.StringWidth,
// for the whole string, so that a character which changes its neighbour's
// width is never counted alone.
func CellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			n++
			i++
		case c == 0x1b:
			end, ok := skipCSI(s, i)
			if !ok {
				return ansi.StringWidth(s)
			}
			i = end
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrowRune(r) {
				return ansi.StringWidth(s)
			}
			n++
			i += size
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// skipCSI returns where the control sequence at s[i] ("ESC [", parameter
// bytes, a final byte: what styles write) ends; ok is false when it is not
// one of that simple form, or not a whole one.
func skipCSI(s string, i int) (end int, ok bool) {
	if i+1 >= len(s) || s[i+1] != '[' {
		return 0, false
	}
	for j := i + 2; j < len(s); j++ {
		switch c := s[j]; {
		case c >= 0x30 && c <= 0x3f:
		case c >= 0x40 && c <= 0x7e:
			return j + 1, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// narrowRune reports whether r is one of the characters the interface
// draws itself that take one cell on their own: general punctuation (…, –,
// ‹ ›, ·), arrows, box drawing, control pictures (␛) and ⟲. A character
// that combines with them (a variation selector, a combining mark) is not
// narrow, and sends the whole string to ansi.StringWidth.
func narrowRune(r rune) bool {
	switch {
	case r == 0xb7, r >= 0x2010 && r <= 0x2027, r == 0x2039, r == 0x203a:
		return true
	case r >= 0x2190 && r <= 0x21ff, r >= 0x2500 && r <= 0x257f, r >= 0x2400 && r <= 0x2426, r == 0x27f2:
		return true
	}
	return false
}
