package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAnchors bounds the byte values a case-insensitive search looks for:
// both cases of an ASCII letter, or the lead bytes of every case of a rune
// (a Unicode case orbit has at most four members).
const maxAnchors = 8

// anchor is what a case-insensitive search jumps between with IndexByte
// before comparing the whole pattern: the byte values of one character of
// the pattern in each of its cases, and that character's offset.
type anchor struct {
	off   int // offset of the anchor character in the pattern (0 for caseUnicode)
	bytes [maxAnchors]byte
	n     int
}

// asciiAnchor picks the pattern byte that is rarest in log text, so that a
// search for "timeout" jumps between m's rather than t's.
func asciiAnchor(lower string) anchor {
	best := 0
	for i := 1; i < len(lower); i++ {
		if byteCommonness(lower[i]) < byteCommonness(lower[best]) {
			best = i
		}
	}
	a := anchor{off: best}
	c := lower[best]
	a.add(c)
	if 'a' <= c && c <= 'z' {
		a.add(c - 'a' + 'A')
	}
	return a
}

// unicodeAnchor uses the first character: its encodings in every case start
// with the bytes searched for. Under Unicode folding the matched text may be
// longer or shorter than the pattern, so only the first character has a
// known offset.
func unicodeAnchor(text string) anchor {
	a := anchor{}
	r, w := utf8.DecodeRuneInString(text)
	if r == utf8.RuneError && w <= 1 {
		a.add(text[0])
		return a
	}
	for f := r; ; {
		var buf [utf8.UTFMax]byte
		utf8.EncodeRune(buf[:], f)
		a.add(buf[0])
		if f = unicode.SimpleFold(f); f == r {
			return a
		}
	}
}

// add records a byte value once.
func (a *anchor) add(c byte) {
	for i := 0; i < a.n; i++ {
		if a.bytes[i] == c {
			return
		}
	}
	if a.n < maxAnchors {
		a.bytes[a.n] = c
		a.n++
	}
}

// letterOrder is English letter frequency, commonest first; log text is
// mostly English words, hex and identifiers.
const letterOrder = "etaoinsrhldcumfpgwybvkxjqz"

// byteCommonness ranks how often c appears in log text, higher is commoner.
// Letters cost a little extra: both cases must be searched for.
func byteCommonness(c byte) int {
	switch {
	case c == ' ':
		return 100
	case 'a' <= c && c <= 'z':
		return 40 + len(letterOrder) - strings.IndexByte(letterOrder, c)
	case '0' <= c && c <= '9':
		return 35
	case strings.IndexByte(`.:/-_",=[]`, c) >= 0:
		return 30
	}
	return 10
}

// indexFold finds a case-insensitive pattern in s. It jumps between
// occurrences of the anchor bytes with IndexByte, remembering the next
// occurrence of each so that no byte is scanned twice, and compares the
// whole pattern only there.
func (p *pattern) indexFold(s string) (start, end int) {
	if p.text == "" {
		return 0, 0
	}
	limit := len(s) // the anchor must lie before limit
	if p.mode == caseASCII {
		limit = len(s) - len(p.text) + p.anchor.off + 1
	}
	var next [maxAnchors]int
	for j := range next {
		next[j] = -1
	}
	for i := p.anchor.off; i < limit; {
		c := limit
		for j := 0; j < p.anchor.n; j++ {
			if next[j] < i {
				next[j] = indexByteFrom(s[:limit], p.anchor.bytes[j], i)
			}
			c = min(c, next[j])
		}
		if c >= limit {
			return -1, -1
		}
		start := c - p.anchor.off
		if p.mode == caseASCII {
			if equalASCIIFold(s[start:start+len(p.text)], p.text) {
				return start, start + len(p.text)
			}
		} else if n, ok := prefixUnicodeFold(s[start:], p.text); ok {
			return start, start + n
		}
		i = c + 1
	}
	return -1, -1
}

// indexByteFrom returns the index of c in s at or after i, or len(s).
func indexByteFrom(s string, c byte, i int) int {
	if j := strings.IndexByte(s[i:], c); j >= 0 {
		return i + j
	}
	return len(s)
}
