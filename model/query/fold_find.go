package query

import "regexp"

// Finder finds what one term of a query matches in text: a bare word the
// way the query language matches it (smart case: a word with an upper-case
// letter matches exactly, otherwise case is ignored by Unicode simple
// folding), or a regular expression term. The interface highlights matches
// with it, so that what is marked is what the filter matched.
type Finder struct {
	p  pattern
	re *regexp.Regexp // for a regex term; p is unused then
}

// NewFinder prepares word for searching; the work of choosing the case
// rule and the search anchors is done once here.
func NewFinder(word string) Finder {
	return Finder{p: newPattern(word, true)}
}

// All calls yield with the byte offsets of each occurrence of the term in
// s, in order and apart; an empty match of an expression is none. An
// expression is matched over the whole of s, never over a rest of it, so
// that ^, $ and \b keep their meaning: /^2026/ marks the start alone.
func (f *Finder) All(s string, yield func(start, end int)) {
	if f.re != nil {
		for _, loc := range f.re.FindAllStringIndex(s, -1) {
			if loc[1] > loc[0] {
				yield(loc[0], loc[1])
			}
		}
		return
	}
	for from := 0; from < len(s); {
		i, j := f.Index(s[from:])
		if i < 0 || j <= i {
			return
		}
		yield(from+i, from+j)
		from += j
	}
}

// Index returns the byte offsets of the first occurrence of the term in s,
// or -1, -1. Under case folding end-start may differ from the word's
// length (a folded letter may be encoded in another number of bytes). An
// empty word is found nowhere; a regular expression may match the empty
// string (start == end).
func (f *Finder) Index(s string) (start, end int) {
	if f.re != nil {
		if loc := f.re.FindStringIndex(s); loc != nil {
			return loc[0], loc[1]
		}
		return -1, -1
	}
	if f.p.text == "" {
		return -1, -1
	}
	return f.p.index(s)
}
