package table

import "connlog/ui/theme"

// apartKeep is how many cells of a name (a column that is neither the
// flex one nor a number's) a row keeps, its end included, so that two
// names that differ only near their end can be told apart (see
// theme.Apart); a longer one keeps its start only, as the flex column's
// text does, and is cut at its end: its end is not known.
const apartKeep = 1024

// tellsApart reports whether col shows names, whose cells are cut so that
// two different ones never show alike.
func (c Column) tellsApart() bool { return c.kind == colText && !c.flex && !c.right }

// keptWidth is how many cells of a cell's text the table keeps in col.
func (t Model) keptWidth(col Column) int {
	if col.tellsApart() {
		return max(t.width, apartKeep)
	}
	return t.width
}

// tellApart gives the rows on screen how each of their cells in the
// names columns is cut (see theme.Apart), where two would show alike cut
// at their end. Only the rows on screen are compared: a store of millions
// is not read at each frame.
func tellApart(rows []visibleRow, cols []Column, ws []int) {
	for i, col := range cols {
		if !col.tellsApart() || !twoCut(rows, col.idx, ws[i]) {
			continue
		}
		names := make([]string, len(rows))
		for k, r := range rows {
			if r.cells != nil && !r.separator() && theme.CellWidth(r.cells[col.idx]) <= apartKeep {
				names[k] = r.cells[col.idx]
			}
		}
		for k, sp := range theme.Apart(names, ws[i]) {
			if sp == (theme.Split{}) {
				continue
			}
			if rows[k].splits == nil {
				rows[k].splits = make([]theme.Split, len(cols))
			}
			rows[k].splits[i] = sp
		}
	}
}

// twoCut reports whether two cells of column c are wider than w: only
// then may two show alike.
func twoCut(rows []visibleRow, c, w int) bool {
	n := 0
	for _, r := range rows {
		if r.cells != nil && !r.separator() && len(r.cells[c]) > w && theme.CellWidth(r.cells[c]) > w {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// splitAt is how the row's cell in the i-th column on screen is cut.
func (r visibleRow) splitAt(i int) theme.Split {
	if r.splits == nil {
		return theme.Split{}
	}
	return r.splits[i]
}
