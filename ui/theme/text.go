package theme

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model/inert"
	"connlog/model/query"
)

// Clean makes untrusted text inert for the terminal: escape sequences,
// control characters, bidi overrides and invalid UTF-8 become visible text.
// Every string taken from an entry goes through it before reaching View.
func Clean(s string) string { return inert.Sanitize(s) }

// Fit truncates plain text to w display cells, ending it with "…" when cut,
// and pads it with spaces to exactly w cells. It is aware of wide
// characters (CJK, emoji) so columns stay aligned.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := CellWidth(s)
	if sw > w {
		s = truncate(s, w, "…")
		sw = CellWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// FitRight is fit with the padding on the left, for numbers.
func FitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if CellWidth(s) > w {
		return Fit(s, w)
	}
	return strings.Repeat(" ", w-CellWidth(s)) + s
}

// Cut truncates plain or styled text to w cells without padding.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if CellWidth(s) <= w {
		return s
	}
	return truncate(s, w, "…")
}

// PadStyled pads already styled text with spaces to w cells, cutting it
// first when it is wider.
func PadStyled(s string, w int) string {
	s = Cut(s, w)
	if n := w - CellWidth(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// Highlight returns plain text with every match of the query's terms
// (query.Query.Finders: words and regular expressions) rendered in the
// match style. Matching is the query language's own: smart case for words,
// the expression's own rules for a regex.
func Highlight(text string, terms []query.Finder, match lipgloss.Style) string {
	return highlight(text, terms, nil, match)
}

// HighlightIn is Highlight for text drawn in base (the cursor's row): the
// text between the matches is rendered in base, so that a match's end does
// not end the row's style.
func HighlightIn(text string, terms []query.Finder, base, match lipgloss.Style) string {
	return highlight(text, terms, &base, match)
}

func highlight(text string, terms []query.Finder, base *lipgloss.Style, match lipgloss.Style) string {
	return HighlightMarked(Marked{Text: text}, terms, base, match)
}

// HighlightMarked is Highlight (base nil) or HighlightIn for text that
// carries marks of its own (field values that matched) besides the
// matches of the terms.
func HighlightMarked(m Marked, terms []query.Finder, base *lipgloss.Style, match lipgloss.Style) string {
	var spans [][2]int
	if (len(terms) > 0 || len(m.Spans) > 0) && m.Text != "" {
		spans = matchSpans(m.Text, terms, m.Spans)
	}
	return renderSpans(m.Text, spans, base, match)
}

// renderSpans renders the spans of text in match and the rest in base
// (left as it is when base is nil).
func renderSpans(text string, spans [][2]int, base *lipgloss.Style, match lipgloss.Style) string {
	plain := func(s string) string {
		if base == nil || s == "" {
			return s
		}
		return base.Render(s)
	}
	if len(spans) == 0 {
		return plain(text)
	}
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(plain(text[at:sp[0]]))
		b.WriteString(match.Render(text[sp[0]:sp[1]]))
		at = sp[1]
	}
	b.WriteString(plain(text[at:]))
	return b.String()
}

// matchSpans returns the byte ranges of text covered by any term, sorted
// and merged. Terms are found by the query language's own matcher, so a
// word is marked exactly where the filter's bare word matched (see
// query.Finder.All). An empty match of an expression marks nothing. The
// extra spans (field values that matched) are marked as well.
func matchSpans(text string, terms []query.Finder, extra [][2]int) [][2]int {
	var marks []bool
	markRange := func(i, j int) {
		if marks == nil {
			marks = make([]bool, len(text))
		}
		for k := max(i, 0); k < min(j, len(text)); k++ {
			marks[k] = true
		}
	}
	for _, sp := range extra {
		markRange(sp[0], sp[1])
	}
	for _, f := range terms {
		f.All(text, markRange)
	}
	var spans [][2]int
	for i := 0; i < len(marks); i++ {
		if !marks[i] {
			continue
		}
		j := i
		for j < len(marks) && marks[j] {
			j++
		}
		spans = append(spans, [2]int{i, j})
		i = j
	}
	return spans
}

// RuleLine is a title followed by a horizontal rule, exactly w cells wide.
func RuleLine(title string, w int) string {
	title = ansi.Truncate(title, w, "")
	if n := w - CellWidth(title); n > 0 {
		title += strings.Repeat("─", n)
	}
	return title
}

// KeyColumn is the width of the label column of the detail card and the
// export dialog, so that their labels line up alike.
const KeyColumn = 16

// Plural counts n things: "1 line", "1,200 lines", "2 entries".
func Plural(n int64, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	if k := len(thing) - 2; k >= 0 && thing[k+1] == 'y' && !strings.ContainsRune("aeiou", rune(thing[k])) {
		return Commas(n) + " " + thing[:k+1] + "ies" // entry, entries; but day, days
	}
	return Commas(n) + " " + thing + "s"
}

// minWrapHead is the narrowest room worth starting a wrapped message in
// after other text on its first line; less, and it starts on a line of its
// own rather than breaking its first word.
const minWrapHead = 20

// Wrap breaks plain text into lines of at most w cells, at spaces where it
// can and inside a word only when the word alone is wider than w. Nothing is
// dropped: a message wrapped is read whole, where a cut one loses its end.
// A hyphen between digits (a date, 2026-12-05) is no place to break, though
// a hyphen elsewhere is.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	if CellWidth(s) <= w {
		return []string{s}
	}
	held, ok := holdNumberHyphens(s, w)
	lines := strings.Split(ansi.Wrap(held, w, ""), "\n")
	if ok {
		for i, l := range lines {
			lines[i] = strings.ReplaceAll(l, heldHyphen, "-")
		}
	}
	return lines
}

// heldHyphen stands for a hyphen between digits while text is wrapped:
// the non-breaking hyphen, one cell wide like the hyphen, which the
// wrapper does not break at.
const heldHyphen = "\u2011"

// holdNumberHyphens returns s with its hyphens between digits made
// heldHyphen, and whether it made any; not when s holds one already, which
// would come back a hyphen, nor when a word is wider than w cells: it is
// broken anyway, better at a hyphen than inside a number.
func holdNumberHyphens(s string, w int) (string, bool) {
	if !strings.Contains(s, "-") || strings.Contains(s, heldHyphen) {
		return s, false
	}
	for _, word := range strings.Fields(s) {
		if CellWidth(word) > w {
			return s, false
		}
	}
	var b strings.Builder
	held := false
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
			b.WriteString(heldHyphen)
			held = true
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String(), held
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// WrapPhrases is Wrap for text made of phrases that read badly broken
// ("from 2026-11-20 08:00:00"): lines break between phrases, joined by a
// space, and inside one only when it alone is wider than w.
func WrapPhrases(phrases []string, w int) []string {
	var out []string
	line := ""
	for _, p := range phrases {
		switch {
		case line == "":
			line = p
		case CellWidth(line)+1+CellWidth(p) <= w:
			line += " " + p
		default:
			out = append(out, Wrap(line, w)...)
			line = p
		}
	}
	if line == "" {
		return out
	}
	return append(out, Wrap(line, w)...)
}

// WrapIn is Wrap with each line drawn in style and padded to w cells, for
// a message read whole in a box w cells wide (an error, a notice). s is
// plain text, made inert by the caller.
func WrapIn(style interface{ Render(...string) string }, s string, w int) []string {
	var out []string
	for _, l := range Wrap(s, w) {
		out = append(out, PadStyled(style.Render(l), w))
	}
	return out
}

// WrapAfter is Wrap for text that starts after something else on its first
// line, where only head cells are left: the first line holds what fits
// there, the others are up to w cells. When head is too narrow to be worth
// it, the first line is empty and the text starts on the next one.
func WrapAfter(s string, head, w int) []string {
	if CellWidth(s) <= head {
		return []string{s}
	}
	if head >= minWrapHead {
		first := Wrap(s, head)[0]
		if first != "" && strings.HasPrefix(s, first) {
			return append([]string{first}, Wrap(strings.TrimLeft(s[len(first):], " "), w)...)
		}
	}
	return append([]string{""}, Wrap(s, w)...)
}
