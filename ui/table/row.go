package table

import (
	"strings"

	"charm.land/lipgloss/v2"

	"connlog/model"
	"connlog/model/export"
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
		return whole.Render(gutter + t.plainCells(r, cols, ws))
	}
	var b strings.Builder
	b.WriteString(gutter)
	for i, col := range cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		text := r.cells[col.idx]
		switch {
		case col.kind == colLevel:
			b.WriteString(t.levels.get(t.styles, r.e.Level, text, ws[i]))
		case col.kind == colTime:
			b.WriteString(theme.Highlight(timeOfDay(text, ws[i]), t.data.Words, t.styles.Match))
		case col.right:
			b.WriteString(theme.FitRight(text, ws[i]))
		default:
			b.WriteString(theme.Highlight(theme.Fit(text, ws[i]), t.data.Words, t.styles.Match))
		}
	}
	return b.String()
}

// plainCells joins the cells without styles, for whole-line highlights.
func (t Model) plainCells(r visibleRow, cols []Column, ws []int) string {
	var b strings.Builder
	for i, col := range cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch {
		case col.right:
			b.WriteString(theme.FitRight(r.cells[col.idx], ws[i]))
		case col.kind == colTime:
			b.WriteString(timeOfDay(r.cells[col.idx], ws[i]))
		default:
			b.WriteString(theme.Fit(r.cells[col.idx], ws[i]))
		}
	}
	return theme.Fit(b.String(), t.width-gutterWidth)
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
