package theme

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// truncate is ansi.Truncate with work bounded by the width kept, not by the
// length of s: ansi.Truncate segments the whole string into graphemes, and a
// 100 KB log line cut to a screen's width cost milliseconds per cell.
func truncate(s string, w int, tail string) string {
	return ansi.Truncate(shownPrefix(s, w), w, tail)
}

// shownPrefix returns a prefix of s that gives ansi.Truncate(…, w, tail)
// the same result as s: it is wider than w+1 cells, so it is cut as s is,
// and it ends between two printable ASCII bytes, which always lie in two
// grapheme clusters and never inside a UTF-8 sequence. Each such second
// byte starts a cluster at least one cell wide, which is what is counted.
// Only printable text is cut so (a cell's text, made inert by Clean): in
// other text printable bytes may belong to an escape sequence, and
// ansi.Truncate keeps the escape sequences (style resets), control and
// invalid bytes it finds past the cut.
func shownPrefix(s string, w int) string {
	if len(s) <= w+2 || !onlyPrintable(s) {
		return s
	}
	clusters := 0
	for i := 1; i < len(s); i++ {
		if !printableASCII(s[i-1]) || !printableASCII(s[i]) {
			continue
		}
		if clusters > w+1 {
			return s[:i]
		}
		clusters++
	}
	return s
}

// onlyPrintable reports whether s holds only printable ASCII and valid
// UTF-8 above the C1 controls.
func onlyPrintable(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !printableASCII(c) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0xa0 || r == utf8.RuneError {
			return false
		}
		i += size
	}
	return true
}

func printableASCII(c byte) bool { return c >= 0x20 && c < 0x7f }
