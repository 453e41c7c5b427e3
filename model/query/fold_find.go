package query

// Finder finds a word in text the way the query language matches a bare
// word: smart case (a word with an upper-case letter matches exactly,
// otherwise case is ignored by Unicode simple folding). The interface
// highlights matches with it, so that what is marked is what the filter
// matched.
type Finder struct {
	p pattern
}

// NewFinder prepares word for searching; the work of choosing the case
// rule and the search anchors is done once here.
func NewFinder(word string) Finder {
	return Finder{p: newPattern(word, true)}
}

// Index returns the byte offsets of the first occurrence of the word in s,
// or -1, -1. Under case folding end-start may differ from the word's
// length (a folded letter may be encoded in another number of bytes). An
// empty word is found nowhere.
func (f *Finder) Index(s string) (start, end int) {
	if f.p.text == "" {
		return -1, -1
	}
	return f.p.index(s)
}
