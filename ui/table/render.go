package table

import (
	"slices"
	"strings"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// gutterWidth is the cursor and mark column at the left of every row.
const gutterWidth = 2

// visibleRow is one row on screen with its cells as plain, sanitised text.
type visibleRow struct {
	index int
	seq   int64
	e     *model.Entry // nil when the store no longer holds the entry
	cells []string     // one per column of the tab
	spans [][][2]int   // per cell, the parts field terms matched (WithMarks)
	// splits, per column on screen, how a name is cut to be told apart
	// from another on screen (tellApart); nil for Fit's cut in all.
	splits []theme.Split
}

// separator reports whether the row is drawn as a full-width rule.
func (r visibleRow) separator() bool {
	return r.e != nil && (r.e.Kind == model.KindBoundary || r.e.Kind == model.KindGap)
}

// visibleRows loads the rows on screen, and only those.
func (t Model) visibleRows() []visibleRow {
	d := t.data
	end := min(t.top+t.pageRows(), d.len())
	if d.Snapshot == nil || t.top >= end {
		return nil
	}
	cols := t.cols
	t.cache.screen()
	rows := make([]visibleRow, 0, end-t.top)
	for i := t.top; i < end; i++ {
		r := visibleRow{index: i, seq: d.View.At(i)}
		r.e = t.cache.get(d.Snapshot, r.seq)
		if r.e != nil {
			t.fillCells(&r, i, cols)
		}
		rows = append(rows, r)
	}
	return rows
}

// fillCells gives a loaded row its cells as plain, sanitised text, with
// the marks of the field terms in the columns that carry them.
func (t Model) fillCells(r *visibleRow, i int, cols []Column) {
	r.cells = make([]string, len(cols))
	var marks []query.FieldMark
	for _, q := range t.data.Queries {
		marks = append(marks, q.FieldMarks(r.e)...)
	}
	for c, col := range cols {
		switch {
		case col.kind == colTime:
			r.cells[c] = t.timeCell(i, r.e)
		case col.kind == colLevel:
			r.cells[c] = r.e.Level.Short()
		case col.marked != nil && len(marks) > 0:
			r.setCell(c, t.shownCell(col.marked(r.e, marks), t.keptWidth(col)))
		default:
			r.setCell(c, t.shownCell(theme.Plain(t.cellText(col, r.e)), t.keptWidth(col)))
		}
	}
}

// cellText is the text of e's cell in col, or, for a column that can
// build its start alone (Column.WithHead), a start long enough to show
// as the whole text shows: one theme.ShownHead cuts before its end.
func (t Model) cellText(col Column, e *model.Entry) string {
	if col.head == nil {
		return col.cell(e)
	}
	for limit := 4*t.width + 64; ; limit *= 4 {
		text, whole := col.head(e, limit)
		if whole || len(theme.ShownHead(text, t.width)) < len(text) {
			return text
		}
	}
}

// shownCell is what the table may show of a cell's text, cleaned: the
// start w cells wide (theme.ShownHead; a row's width, or more for a name:
// see keptWidth), so that a 100 KB line costs what its row shows. The
// terms are looked for in the whole text before it is cut (see
// theme.Marked.WithTerms), as before.
func (t Model) shownCell(m theme.Marked, w int) theme.Marked {
	m = m.WithTerms(t.data.Terms)
	return m.Slice(0, len(theme.ShownHead(m.Text, w))).Clean()
}

// setCell gives the row's cell c its text and marks (the field terms', and
// those the terms found only in the text before it was cleaned).
func (r *visibleRow) setCell(c int, m theme.Marked) {
	r.cells[c] = m.Text
	if len(m.Spans) == 0 {
		return
	}
	if r.spans == nil {
		r.spans = make([][][2]int, len(r.cells))
	}
	r.spans[c] = m.Spans
}

// cellMarks is the cell of column c with its marks.
func (r visibleRow) cellMarks(c int) theme.Marked {
	m := theme.Marked{Text: r.cells[c]}
	if r.spans != nil {
		m.Spans = r.spans[c]
	}
	return m
}

// layout picks the columns that fit and their widths: each as wide as its
// content on screen (between its min and max), the flex column taking the
// rest; when even the minimums do not fit, the least important go, and the
// last cells are kept for the ▸ that says so.
func (t Model) layout(rows []visibleRow) ([]Column, []int) {
	cols, ws := t.fitColumns(rows, t.width-gutterWidth)
	if t.hiddenRight(cols, rows) {
		cols, ws = t.fitColumns(rows, t.width-gutterWidth-scrollMarkWidth)
	}
	return cols, ws
}

// fitColumns fits the columns not scrolled off into avail cells. A time
// is never cut: a date in front of it (the first row, the first after
// midnight) widens its column when that costs no other column, and
// otherwise the column shows the time of day alone (see timeOfDay). While
// the rows need their day said (the view spans days, or is not today's:
// datesEveryScreen) the date always shows: the flex column, which takes
// whatever room is left, gives way to it first, a date with its year
// gives up its milliseconds next (see timeOfDay), and only then another
// column, which scrolling right still shows. A time of day alone would
// be read on the wrong day.
func (t Model) fitColumns(rows []visibleRow, avail int) ([]Column, []int) {
	cols := candidates(t.cols, t.off, rows, t.data.ManyHosts)
	natural := make([]int, 0, len(cols))
	for _, col := range cols {
		w := theme.CellWidth(col.title)
		for _, r := range rows {
			if r.cells != nil && !r.separator() {
				w = max(w, theme.CellWidth(r.cells[col.idx]))
			}
		}
		if col.flex {
			w = col.min
		}
		natural = append(natural, min(max(w, col.min), col.max))
	}
	datesEveryScreen := t.datesEveryScreen()
	undatedCols, undatedWs := shrinkToFit(cols, natural, avail)
	datedCols, datedWs := fitDated(cols, natural, avail, datesEveryScreen, false)
	if !datesEveryScreen {
		if len(datedCols) >= len(undatedCols) {
			return datedCols, datedWs
		}
		return undatedCols, undatedWs
	}
	if fixedColumns(datedCols) < fixedColumns(undatedCols) {
		if shortCols, shortWs := fitDated(cols, natural, avail, true, true); fixedColumns(shortCols) > fixedColumns(datedCols) {
			return shortCols, shortWs
		}
	}
	return datedCols, datedWs
}

// fitDated fits the columns with the time column wide enough for the
// dates of the rows on screen, the flex column first to go when
// flexGoes; short narrows a date with its year to the second.
func fitDated(cols []Column, natural []int, avail int, flexGoes, short bool) ([]Column, []int) {
	dated := slices.Clone(cols)
	natural = slices.Clone(natural)
	for i := range dated {
		switch {
		case dated[i].kind == colTime && short:
			natural[i] = datedMin(natural[i])
			dated[i].min = natural[i]
		case dated[i].kind == colTime:
			dated[i].min = natural[i]
		case dated[i].flex && flexGoes:
			dated[i].prio = -1
		}
	}
	return shrinkToFit(dated, natural, avail)
}

// fixedColumns counts the columns other than the flex one.
func fixedColumns(cols []Column) int {
	n := 0
	for _, c := range cols {
		if !c.flex {
			n++
		}
	}
	return n
}

// shrinkToFit fits the row into avail cells: it narrows the widest
// columns toward their minimum; when even that is not enough it drops the
// least important column and starts again from the natural widths, so the
// columns that stay are not squeezed for nothing. The flex column then
// takes whatever is left.
func shrinkToFit(cols []Column, natural []int, avail int) ([]Column, []int) {
	for {
		ws := append([]int(nil), natural...)
		over := sumWidths(ws) - avail
		for i := widestSlack(cols, ws); over > 0 && i >= 0; i = widestSlack(cols, ws) {
			ws[i]-- // one cell at a time, so that equally wide columns shrink evenly
			over--
		}
		if over <= 0 || len(cols) <= 1 {
			if len(ws) == 1 && over > 0 {
				ws[0] = max(avail, 0)
			}
			growFlex(cols, ws, avail-sumWidths(ws))
			return cols, ws
		}
		d := lowestPrio(cols)
		cols = append(cols[:d:d], cols[d+1:]...)
		natural = append(natural[:d:d], natural[d+1:]...)
	}
}

// sumWidths is the width of a row of columns with one space between them.
func sumWidths(ws []int) int {
	n := len(ws) - 1
	for _, w := range ws {
		n += w
	}
	return n
}

// growFlex gives the room left to the flex column.
func growFlex(cols []Column, ws []int, left int) {
	if left <= 0 {
		return
	}
	for i := range cols {
		if cols[i].flex {
			ws[i] += left
			return
		}
	}
}

func widestSlack(cols []Column, ws []int) int {
	best, slack := -1, 0
	for i := range cols {
		if s := ws[i] - cols[i].min; s > slack {
			best, slack = i, s
		}
	}
	return best
}

func lowestPrio(cols []Column) int {
	low := 0
	for i := range cols {
		if cols[i].prio < cols[low].prio {
			low = i
		}
	}
	return low
}

// headerLine draws the column titles.
func (t Model) headerLine(rows []visibleRow, cols []Column, ws []int) string {
	var b strings.Builder
	left, right := t.scrollMarks(cols, rows)
	if left {
		b.WriteString("◂ ")
	} else {
		b.WriteString(strings.Repeat(" ", gutterWidth))
	}
	for i, col := range cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		if col.right {
			b.WriteString(theme.FitRight(col.title, ws[i]))
		} else {
			b.WriteString(theme.Fit(col.title, ws[i]))
		}
	}
	line := theme.Fit(b.String(), t.width)
	if right && t.width > scrollMarkWidth {
		line = theme.Fit(b.String(), t.width-scrollMarkWidth) + " ▸"
	}
	return t.styles.Header.Render(line)
}
