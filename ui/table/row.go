package table

import (
	"strings"

	"charm.land/lipgloss/v2"

	"connlog/model"
	"connlog/model/export"
	"connlog/model/query"
	"connlog/ui/theme"
)

// rowLine draws one entry row: the gutter (cursor, mark, range), then the
// cells. The cursor row and rows in the visual range are drawn in one style
// so that the highlight spans the whole line.
func (t Model) rowLine(r visibleRow, cols []Column, ws []int) string {
	gutter, whole := t.gutter(r)
	if r.e == nil {
		return gutter + t.styles.Dim.Render(theme.Fit("(evicted)", t.width-gutterWidth))
	}
	if r.separator() {
		line := gutter + t.separatorText(r.e)
		if whole != nil {
			return whole.Render(line)
		}
		if r.e.Kind == model.KindGap {
			return t.styles.Gap.Render(line)
		}
		return t.styles.Boundary.Render(line)
	}
	if whole != nil {
		return whole.Render(gutter) + t.cellsIn(r, cols, ws, whole)
	}
	return gutter + t.cellsIn(r, cols, ws, nil)
}

// cellsIn draws the cells of an entry row with the matches of the filter
// and the search marked. On a row drawn whole in one style (base: the
// cursor's, the visual range's) the text between the matches keeps that
// style and the line is padded in it to the full width; on another row
// (base nil) each cell has its own style.
func (t Model) cellsIn(r visibleRow, cols []Column, ws []int, base *lipgloss.Style) string {
	match := t.matchStyleIn(base)
	mark := func(m theme.Marked, terms []query.Finder) string {
		return theme.HighlightMarked(m, terms, base, match)
	}
	plain := func(s string) string { return s }
	if base != nil {
		plain = func(s string) string { return base.Render(s) }
	}
	var b strings.Builder
	for i, col := range cols {
		if i > 0 {
			b.WriteString(plain(" "))
		}
		text := r.cells[col.idx]
		if note := col.blankNote(r.e); note != "" && strings.Trim(text, " ") == "" {
			b.WriteString(t.dimIn(base, theme.Fit(note, ws[i])))
			continue
		}
		switch {
		case col.kind == colLevel && base == nil:
			b.WriteString(t.levels.get(t.styles, r.e.Level, text, ws[i]))
		case col.kind == colLevel:
			b.WriteString(plain(theme.Fit(text, ws[i])))
		case col.kind == colTime:
			b.WriteString(mark(theme.Plain(timeOfDay(text, ws[i])), t.data.Terms))
		case col.right:
			// A number's words are not searched for; a comparison that
			// matched it (rx>1MB) marks it.
			b.WriteString(mark(r.cellMarks(col.idx).FitRight(ws[i]), nil))
		default:
			b.WriteString(mark(r.cellMarks(col.idx).FitMiddle(ws[i], r.splitAt(i)), t.data.Terms))
		}
	}
	if base == nil {
		return b.String()
	}
	w := t.width - gutterWidth
	line := theme.Cut(b.String(), w)
	if n := w - theme.CellWidth(line); n > 0 {
		line += base.Render(strings.Repeat(" ", n))
	}
	return line
}

// dimIn draws s dim, on a row drawn whole in base in base's style too.
func (t Model) dimIn(base *lipgloss.Style, s string) string {
	if base != nil {
		return t.styles.Dim.Inherit(*base).Render(s)
	}
	return t.styles.Dim.Render(s)
}

// matchStyleIn is the style of a match on a row drawn in base: on the
// focused cursor's row one that stands out from the cursor's own.
func (t Model) matchStyleIn(base *lipgloss.Style) lipgloss.Style {
	if base == &t.styles.Cursor {
		return t.styles.CursorMatch
	}
	return t.styles.Match
}

// gutter returns the two marker cells of a row and, for the cursor row and
// rows in the visual range, the style to draw the whole line in. The
// markers carry the same information without colour.
func (t Model) gutter(r visibleRow) (string, *lipgloss.Style) {
	var whole *lipgloss.Style
	c0, c1 := " ", " "
	inRange := t.data.SelFrom != 0 && r.seq >= t.data.SelFrom && r.seq <= t.data.SelTo
	if inRange {
		c1, whole = "+", &t.styles.InRange
	}
	if t.data.Marks[r.seq] {
		c1 = "*"
	}
	if r.index == t.cursor {
		c0, whole = ">", &t.styles.Cursor
		if !t.focused {
			whole = &t.styles.CursorBlurred
		}
	}
	if c1 == "*" && whole == nil {
		return c0 + t.styles.Marked.Render(c1), nil
	}
	return c0 + c1, whole
}

// separatorText draws a boundary or a gap as a full-width rule: its time
// first, which a narrow terminal would otherwise cut off after a long
// message, then what it says.
func (t Model) separatorText(e *model.Entry) string {
	icon := "⟲"
	if e.Kind == model.KindGap {
		icon = "⚠"
	}
	label := "── " + icon + " " + e.Time.In(t.data.Location).Format("2006-01-02 15:04:05.000") + " · " + theme.Clean(export.Summary(e)) + " "
	w := t.width - gutterWidth
	label = theme.Cut(label, w)
	if n := w - theme.CellWidth(label); n > 0 {
		label += strings.Repeat("─", n)
	}
	return label
}
