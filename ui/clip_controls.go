package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// y copies the raw bytes, as documented; but a line that holds control
// characters acts when pasted: a carriage return runs what came before it
// in a shell, an escape sequence can retitle or recolour the terminal. The
// notice names them, so that a paste is done with care (or an export
// preferred).

// maxControlNames is how many kinds of control character the notice names.
const maxControlNames = 3

// controlNames names the control characters in raw, in the order they
// first appear (at most maxControlNames, then "…"); nil when there are
// none. Tab, and the newlines between copied lines, are not counted: they
// paste as what they are.
func controlNames(raw []byte) []string {
	var names []string
	seen := map[rune]bool{}
	for i := 0; i < len(raw); {
		r, size := rune(raw[i]), 1
		if raw[i] >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				r = rune(raw[i]) // a lone byte: 0x9b is CSI to an 8-bit terminal
			}
		}
		i += size
		if !isPasteControl(r) || seen[r] {
			continue
		}
		seen[r] = true
		if len(names) == maxControlNames {
			return append(names, "…")
		}
		names = append(names, controlName(r))
	}
	return names
}

// isPasteControl reports the C0 controls but tab and newline, DEL, and the
// C1 controls.
func isPasteControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r <= 0x9f)
}

// controlName is the usual abbreviation of a control character, or its
// code.
func controlName(r rune) string {
	switch r {
	case 0x00:
		return "NUL"
	case 0x07:
		return "BEL"
	case 0x08:
		return "BS"
	case 0x0d:
		return "CR"
	case 0x1b:
		return "ESC"
	case 0x7f:
		return "DEL"
	}
	return "0x" + strings.ToUpper(strconv.FormatInt(int64(r), 16))
}
