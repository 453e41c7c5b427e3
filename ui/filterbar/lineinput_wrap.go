package filterbar

import (
	"strings"

	"connlog/ui/theme"
)

// Lines draws the text wrapped over lines of w cells, the cursor cell in
// reverse video, for a field read whole (a long path) where View scrolls
// one line. A text longer than most lines shows the part around the
// cursor, a "…" standing for what is left out at either end: typing at the
// end of a long path shows its end, the file name being typed.
func (l LineInput) Lines(w, most int) []string { return l.wrapped(w, most, true) }

// Tail is Lines without the cursor, at the text's end: a field that has
// not the keyboard, read by its end.
func (l LineInput) Tail(w, most int) []string {
	l.pos = len(l.value)
	return l.wrapped(w, most, false)
}

// wrapped lays the text out in at most most lines of w cells around the
// cursor, drawn or not.
func (l LineInput) wrapped(w, most int, cursor bool) []string {
	w, most = max(w, 1), max(most, 1)
	// Every rune takes a cell or more: runes further than most*w from the
	// cursor never fit, and are not laid out at all.
	lo, hi := max(l.pos-most*w, 0), min(l.pos+most*w, len(l.value))
	cells := make([]string, hi-lo)
	for i := range cells {
		cells[i] = theme.Clean(string(l.value[lo+i]))
	}
	from, to := lo, hi
	// Context kept before the cursor while the end is cut, so that a
	// cursor moved back into a long text does not sit at the first cell.
	before := l.pos - w/2
	for {
		lines := l.layout(cells[from-lo:to-lo], from, to, w, cursor)
		if len(lines) <= most {
			return lines
		}
		switch {
		case from < before:
			from++
		case to > l.pos+1:
			to--
		case from < l.pos:
			from++
		default:
			return lines[:most] // a cell wider than w: only the cursor's line fits
		}
	}
}

// layout lays out cells, the text's runes from..to made inert, in lines
// of w cells, with the cursor if asked and a "…" where text is left out at
// either end.
func (l LineInput) layout(cells []string, from, to, w int, cursor bool) []string {
	var lines []string
	var b strings.Builder
	used := 0
	put := func(s string) {
		cw := theme.CellWidth(s)
		if used > 0 && used+cw > w {
			lines = append(lines, b.String())
			b.Reset()
			used = 0
		}
		b.WriteString(s)
		used += cw
	}
	if from > 0 {
		put("…")
	}
	for i, c := range cells {
		if cursor && from+i == l.pos {
			c = l.styles.ChoiceActive.Render(c)
		}
		put(c)
	}
	switch {
	case to < len(l.value):
		put("…")
	case cursor && l.pos == len(l.value):
		put(l.styles.ChoiceActive.Render(" "))
	}
	return append(lines, b.String())
}
