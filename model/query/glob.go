package query

import "strings"

// glob is an anchored wildcard pattern where * stands for any run of
// characters (including none). Every other character is literal.
type glob struct {
	parts []pattern // the text between the stars; len(parts)-1 stars
}

// newGlob compiles a glob; smart case applies to the whole pattern.
func newGlob(text string, smart bool) glob {
	whole := newPattern(text, smart)
	pieces := strings.Split(text, "*")
	parts := make([]pattern, len(pieces))
	for i, s := range pieces {
		if whole.mode == caseExact {
			parts[i] = pattern{text: s, mode: caseExact}
		} else {
			parts[i] = foldPattern(s)
		}
	}
	return glob{parts: parts}
}

// match reports whether the whole of s matches the glob. Leftmost matching
// of each middle piece is enough: with only * wildcards, an earlier match
// never prevents a later piece from matching.
func (g *glob) match(s string) bool {
	if len(g.parts) == 1 {
		return g.parts[0].equal(s)
	}
	first, last := &g.parts[0], &g.parts[len(g.parts)-1]
	n, ok := first.prefix(s)
	if !ok {
		return false
	}
	s = s[n:]
	start, ok := last.suffix(s)
	if !ok {
		return false
	}
	s = s[:start]
	for i := 1; i < len(g.parts)-1; i++ {
		_, end := g.parts[i].index(s)
		if end < 0 {
			return false
		}
		s = s[end:]
	}
	return true
}
