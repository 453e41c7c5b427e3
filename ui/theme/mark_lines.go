package theme

import (
	"strings"

	"charm.land/lipgloss/v2"

	"connlog/model/query"
)

// MarkLines renders lines, the pieces plain text was wrapped into, in base
// with the matches of terms in match. The matches are found in the whole
// text, so that one a wrap breaks is marked on both of its lines. A line
// that is not found in text as it is (a wrapper that changed it) is
// matched on its own. The text's own marks (field values that matched)
// are marked besides the terms' matches.
func MarkLines(text Marked, lines []string, terms []query.Finder, base, match lipgloss.Style) []string {
	var spans [][2]int
	if len(terms) > 0 || len(text.Spans) > 0 {
		spans = matchSpans(text.Text, terms, text.Spans)
	}
	out := make([]string, len(lines))
	at := 0
	for i, l := range lines {
		j := strings.Index(text.Text[at:], l)
		if j < 0 {
			out[i] = HighlightIn(l, terms, base, match)
			continue
		}
		from := at + j
		at = from + len(l)
		out[i] = renderSpans(l, spansWithin(spans, from, at), &base, match)
	}
	return out
}

// spansWithin returns the parts of spans inside [from, to), relative to
// from.
func spansWithin(spans [][2]int, from, to int) [][2]int {
	var out [][2]int
	for _, sp := range spans {
		a, b := max(sp[0], from), min(sp[1], to)
		if a < b {
			out = append(out, [2]int{a - from, b - from})
		}
	}
	return out
}
