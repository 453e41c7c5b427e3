package detail

import (
	"unicode/utf8"

	"connlog/ui/theme"
)

// maxShown bounds a value and the raw line shown in the detail pane: a
// hostile 1 MiB line would otherwise make the pane slow and unusable.
const maxShown = 64 << 10

// matchContext is how much of a long text is shown before its first match
// when that match is past the text's first maxShown bytes: a few lines, so
// that the match is near the top of what is shown.
const matchContext = 256

// longWindow returns the part of a long text the card shows, [from, to):
// its first maxShown bytes, or, when the first match of the terms or of
// the text's own marks lies past them, maxShown bytes from a little before
// that match, so that a search word near the end of a 200 KB line is seen,
// marked, rather than cut off. at is that match's byte
// offset, -1 for none. A text of at most maxShown bytes is shown whole.
func (c *card) longWindow(m theme.Marked) (from, to, at int) {
	if len(m.Text) <= maxShown {
		return 0, len(m.Text), -1
	}
	at = c.firstMatch(m)
	if at < 0 || at+matchContext < maxShown {
		return 0, runeStart(m.Text, maxShown), at
	}
	from = runeStart(m.Text, at-matchContext)
	return from, runeStart(m.Text, min(from+maxShown, len(m.Text))), at
}

// firstMatch is the byte offset of the first match of the card's terms
// or of m's own marks in m, -1 for none.
func (c *card) firstMatch(m theme.Marked) int {
	first := -1
	if len(m.Spans) > 0 {
		first = m.Spans[0][0]
	}
	for i := range c.terms {
		if s, e := c.terms[i].Index(m.Text); s >= 0 && e > s && (first < 0 || s < first) {
			first = s
		}
	}
	return first
}

// runeStart moves i back to the start of the character it falls in, so
// that a cut never splits one.
func runeStart(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for j := 0; j < utf8.UTFMax && i > 0 && !utf8.RuneStart(s[i]); j++ {
		i--
	}
	return max(i, 0)
}

// cutNote says which part of a long text of n bytes the card shows, and
// where its first match is when that is why. The offsets [from, to) and at
// count from 0; the note counts bytes from 1, as people do and as a query
// error counts its columns: the first and last bytes shown, the match's
// first byte.
func cutNote(from, to, at, n int) string {
	if from == 0 {
		return "… the first " + theme.Commas(int64(to)) + " of " + theme.Commas(int64(n)) + " bytes are shown"
	}
	return "… bytes " + theme.Commas(int64(from+1)) + "–" + theme.Commas(int64(to)) + " of " + theme.Commas(int64(n)) +
		" are shown, around the first match at byte " + theme.Commas(int64(at+1))
}

// window returns the part of m the card shows with its marks, and the
// notes to write before and after it when it is cut: a window around a
// match is announced before it, with where the match is; a cut end is
// said after the text.
func (c *card) window(m theme.Marked) (shown theme.Marked, before, after string) {
	from, to, at := c.longWindow(m)
	switch {
	case from == 0 && to == len(m.Text):
		return m, "", ""
	case from == 0:
		return m.Slice(from, to), "", cutNote(from, to, at, len(m.Text))
	}
	return m.Slice(from, to), cutNote(from, to, at, len(m.Text)), ""
}
