package theme

import "connlog/model/query"

// WithTerms is m with the matches of terms in its text as it is (before
// Clean) marked too, for text that holds what Clean replaces: a regular
// expression that matches a control character (/\x1b/, /\x07/) finds
// nothing in the stand-in shown for it (␛, \x07), and is marked there only
// through this, by Clean moving the mark onto the stand-in. Matching the
// shown text would not do: a line's own "\x07", four characters, shows the
// same as a bell. Plain text is left as it is: its shown text is matched
// when drawn.
func (m Marked) WithTerms(terms []query.Finder) Marked {
	if len(terms) == 0 || Clean(m.Text) == m.Text {
		return m
	}
	m.Spans = matchSpans(m.Text, terms, m.Spans)
	return m
}
