package table

import "slices"

// scrollMarkWidth is the room the header keeps at its right for the ▸ that
// says more columns are off-screen.
const scrollMarkWidth = 2

// The table scrolls sideways by columns. The first column (the time) stays
// put. Each step right leaves out the leftmost column shown after it, which
// makes room for the columns that did not fit, taken by priority as usual;
// each step left brings the last one left out back. t.off holds the columns
// left out, in the order they went.

// candidates are the tab's columns the table may show: all but those
// scrolled off and a varying column that does not vary on screen, unless
// the entries come from several hosts (keepVarying: see Data.ManyHosts).
func candidates(all []Column, off []int, rows []visibleRow, keepVarying bool) []Column {
	out := make([]Column, 0, len(all))
	for c, col := range all {
		if !slices.Contains(off, c) && !(col.varying && !keepVarying && uniform(rows, c)) {
			col.idx = c
			out = append(out, col)
		}
	}
	return out
}

// firstScrollable is the index (in the tab's columns) of the first column
// shown after the pinned one, or -1.
func firstScrollable(cols []Column) int {
	for _, c := range cols {
		if c.idx > 0 {
			return c.idx
		}
	}
	return -1
}

// hiddenRight reports whether some column not scrolled off did not fit.
func (t Model) hiddenRight(shown []Column, rows []visibleRow) bool {
	return len(shown) < len(candidates(t.cols, t.off, rows, t.data.ManyHosts))
}

// scrollRight leaves out the first column shown after the pinned one, when
// some column is still off-screen: every step changes what is shown.
func (t *Model) scrollRight() {
	rows := t.visibleRows()
	cols, _ := t.layout(rows)
	if !t.hiddenRight(cols, rows) {
		return
	}
	if f := firstScrollable(cols); f > 0 {
		t.off = append(slices.Clip(t.off), f)
	}
}

// scrollLeft brings back the columns left out, one visible change at a
// time.
func (t *Model) scrollLeft() {
	rows := t.visibleRows()
	now, _ := t.layout(rows)
	for len(t.off) > 0 {
		t.off = t.off[:len(t.off)-1]
		if cols, _ := t.layout(rows); !sameColumns(cols, now) {
			return
		}
	}
}

func sameColumns(a, b []Column) bool {
	return slices.EqualFunc(a, b, func(x, y Column) bool { return x.idx == y.idx })
}

// scrollMarks are the header's signs that columns are off-screen: on the
// left when some are scrolled off, on the right when more would show by
// scrolling.
func (t Model) scrollMarks(cols []Column, rows []visibleRow) (left, right bool) {
	return len(t.off) > 0, t.hiddenRight(cols, rows)
}
