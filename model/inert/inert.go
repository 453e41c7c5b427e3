// Package inert makes log content safe to show on a terminal: every byte
// that could act on it is replaced by a visible stand-in (see Sanitize).
// The table, the detail pane, exports and messages show log content so,
// and a search finds a line by what it shows.
package inert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes s inert on a terminal: every byte that could move the
// cursor, change colours, reorder text or hide characters is replaced by a
// visible stand-in, and everything else is kept. ESC becomes "␛" (so an
// escape sequence reads as ␛[2J), tab, newline and carriage return become
// \t, \n and \r, other C0 controls and DEL become \xNN, C1 controls and the
// invisible or direction-changing characters (bidi overrides and isolates,
// zero-width spaces and joiners, the BOM, tag characters, variation
// selectors, line and paragraph separators: see IsHidden) become
// ‹U+XXXX›, and bytes that are not valid UTF-8 become \xNN.
// Backslashes are kept as they are, so the output is for reading, not for
// decoding. A string that needs no change is returned without copying.
func Sanitize(s string) string {
	if Plain(s) {
		return s
	}
	return string(appendSanitized(make([]byte, 0, len(s)+16), s))
}

// HasStandIn reports whether s holds what Sanitize writes for a byte it
// makes visible (␛, \xNN, \t, \n, \r, ‹U+XXXX›): text copied from what is
// shown, to be looked for in what is shown.
func HasStandIn(s string) bool {
	for _, standIn := range []string{"␛", "‹U+", `\x`, `\t`, `\n`, `\r`} {
		if strings.Contains(s, standIn) {
			return true
		}
	}
	return false
}

// AppendSanitized appends the Sanitize form of s to dst and returns it, for
// callers that render into a reused buffer.
func AppendSanitized(dst []byte, s string) []byte {
	if Plain(s) {
		return append(dst, s...)
	}
	return appendSanitized(dst, s)
}

// Plain reports whether s is printable ASCII, which needs no escaping:
// Sanitize returns it as it is. It is the fast path.
func Plain(s string) bool {
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
		if c := s[i]; c >= 0x20 && c < 0x7f {
			dst = append(dst, c)
			i++
			continue
		}
		dst, i, _ = appendUnit(dst, s, i)
	}
	return dst
}

// appendUnit appends what Sanitize writes for the character at s[i] that
// is not printable ASCII, and returns where the next one starts and
// whether what it wrote is a stand-in.
func appendUnit(dst []byte, s string, i int) (out []byte, next int, standIn bool) {
	c := s[i]
	if c < utf8.RuneSelf {
		return appendControl(dst, c), i + 1, true
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf]), i + 1, true
	case IsHidden(r):
		return appendCodePoint(dst, r), i + size, true
	}
	return append(dst, s[i:i+size]...), i + size, false
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

// IsHidden reports runes that a terminal acts on or draws as nothing:
// C1 controls (0x9b is a one-byte CSI), format characters (bidi controls
// that reorder what follows, the "Trojan Source" characters; zero-width
// characters and invisible operators that hide text inside a word; tag
// characters, which spell hidden text), the other characters Unicode
// says to draw as nothing (variation selectors, which can carry hidden
// bytes one per character, fillers), and separators that some terminals
// treat as line breaks. The emoji presentation selectors are kept: they
// follow an emoji and change only how it is drawn.
func IsHidden(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls
		return true
	case r < 0x00ad:
		return false
	case r == 0xfe0e, r == 0xfe0f: // text and emoji presentation selectors
		return false
	case unicode.Is(unicode.Cf, r), unicode.Is(drawnAsNothing, r):
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	}
	return false
}

// drawnAsNothing are the default-ignorable code points that are not
// format characters (Cf): Unicode's DerivedCoreProperties, less those.
var drawnAsNothing = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x034f, Hi: 0x034f, Stride: 1}, // combining grapheme joiner
		{Lo: 0x115f, Hi: 0x1160, Stride: 1}, // hangul fillers
		{Lo: 0x17b4, Hi: 0x17b5, Stride: 1}, // khmer inherent vowels
		{Lo: 0x180b, Hi: 0x180f, Stride: 1}, // mongolian variation selectors and vowel separator
		{Lo: 0x2065, Hi: 0x2065, Stride: 1}, // reserved among the invisible operators
		{Lo: 0x3164, Hi: 0x3164, Stride: 1}, // hangul filler
		{Lo: 0xfe00, Hi: 0xfe0f, Stride: 1}, // variation selectors
		{Lo: 0xffa0, Hi: 0xffa0, Stride: 1}, // halfwidth hangul filler
		{Lo: 0xfff0, Hi: 0xfff8, Stride: 1}, // reserved
	},
	R32: []unicode.Range32{
		{Lo: 0x1bca0, Hi: 0x1bca3, Stride: 1}, // shorthand format controls
		{Lo: 0xe0000, Hi: 0xe0fff, Stride: 1}, // tags, variation selectors supplement, reserved
	},
}

// Is reports whether s could not act on a terminal: valid UTF-8 without a
// control character or a hidden rune but the newlines that end lines.
func Is(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || IsHidden(r) {
			return false
		}
	}
	return true
}
