package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// caseMode is how a pattern compares letters.
type caseMode uint8

const (
	caseExact   caseMode = iota // byte for byte
	caseASCII                   // the pattern is lower-case ASCII; the text's ASCII letters are folded
	caseUnicode                 // rune by rune, by Unicode simple case folding
)

// pattern is a piece of text to find, with its case rule decided once at
// compile time so that matching never allocates.
type pattern struct {
	text   string
	mode   caseMode
	anchor anchor // for caseASCII and caseUnicode
}

// newPattern applies smart case: the pattern is case-sensitive when it has an
// upper-case letter, and ignores case otherwise. A pattern without letters
// that have a case is compared exactly, which is the fastest search.
func newPattern(text string, smart bool) pattern {
	if !smart || hasUpper(text) || !hasCasedLetter(text) {
		return pattern{text: text, mode: caseExact}
	}
	return foldPattern(text)
}

// foldPattern builds a case-insensitive pattern.
func foldPattern(text string) pattern {
	if text == "" {
		return pattern{mode: caseASCII}
	}
	if !isASCII(text) {
		return pattern{text: text, mode: caseUnicode, anchor: unicodeAnchor(text)}
	}
	lower := strings.ToLower(text)
	return pattern{text: lower, mode: caseASCII, anchor: asciiAnchor(lower)}
}

// index returns the start and end of the first occurrence of p in s, or
// -1, -1. end-start may differ from len(p.text) under Unicode folding.
func (p *pattern) index(s string) (start, end int) {
	if p.mode != caseExact {
		return p.indexFold(s)
	}
	if i := strings.Index(s, p.text); i >= 0 {
		return i, i + len(p.text)
	}
	return -1, -1
}

// contains reports whether p occurs in s.
func (p *pattern) contains(s string) bool {
	i, _ := p.index(s)
	return i >= 0
}

// prefix reports whether s starts with p, and the length of that prefix in s.
func (p *pattern) prefix(s string) (int, bool) {
	switch p.mode {
	case caseASCII:
		if len(s) >= len(p.text) && equalASCIIFold(s[:len(p.text)], p.text) {
			return len(p.text), true
		}
		return 0, false
	case caseUnicode:
		return prefixUnicodeFold(s, p.text)
	}
	return len(p.text), strings.HasPrefix(s, p.text)
}

// suffix reports whether s ends with p, and where that suffix starts in s.
func (p *pattern) suffix(s string) (int, bool) {
	switch p.mode {
	case caseASCII:
		i := len(s) - len(p.text)
		return i, i >= 0 && equalASCIIFold(s[i:], p.text)
	case caseUnicode:
		return suffixUnicodeFold(s, p.text)
	}
	return len(s) - len(p.text), strings.HasSuffix(s, p.text)
}

// equal reports whether s is p, under p's case rule.
func (p *pattern) equal(s string) bool {
	switch p.mode {
	case caseASCII:
		return len(s) == len(p.text) && equalASCIIFold(s, p.text)
	case caseUnicode:
		n, ok := prefixUnicodeFold(s, p.text)
		return ok && n == len(s)
	}
	return s == p.text
}

// equalASCIIFold compares s with lower-case ASCII lower of the same length,
// folding s's ASCII upper-case letters.
func equalASCIIFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// prefixUnicodeFold reports whether s starts with p under simple case
// folding and how many bytes of s that prefix takes.
func prefixUnicodeFold(s, p string) (int, bool) {
	i := 0
	for p != "" {
		if i >= len(s) {
			return 0, false
		}
		r1, w1 := utf8.DecodeRuneInString(s[i:])
		r2, w2 := utf8.DecodeRuneInString(p)
		if !equalRune(r1, w1, s[i], r2, w2, p[0]) {
			return 0, false
		}
		i += w1
		p = p[w2:]
	}
	return i, true
}

// suffixUnicodeFold reports whether s ends with p under simple case folding
// and where in s that suffix starts.
func suffixUnicodeFold(s, p string) (int, bool) {
	i := len(s)
	for p != "" {
		if i <= 0 {
			return 0, false
		}
		r1, w1 := utf8.DecodeLastRuneInString(s[:i])
		r2, w2 := utf8.DecodeLastRuneInString(p)
		if !equalRune(r1, w1, s[i-w1], r2, w2, p[len(p)-w2]) {
			return 0, false
		}
		i -= w1
		p = p[:len(p)-w2]
	}
	return i, true
}

// equalRune compares two decoded runes under simple case folding. Invalid
// bytes decode to the same RuneError, so they are compared as bytes instead.
func equalRune(r1 rune, w1 int, b1 byte, r2 rune, w2 int, b2 byte) bool {
	bad1 := r1 == utf8.RuneError && w1 == 1
	bad2 := r2 == utf8.RuneError && w2 == 1
	if bad1 || bad2 {
		return bad1 && bad2 && b1 == b2
	}
	if r1 == r2 {
		return true
	}
	for f := unicode.SimpleFold(r1); f != r1; f = unicode.SimpleFold(f) {
		if f == r2 {
			return true
		}
	}
	return false
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// hasCasedLetter reports whether s has a letter with another case, the only
// kind of character that case folding changes.
func hasCasedLetter(s string) bool {
	for _, r := range s {
		if unicode.SimpleFold(r) != r {
			return true
		}
	}
	return false
}

// isASCII reports whether s is 7-bit ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
