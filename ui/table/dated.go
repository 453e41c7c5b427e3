package table

import "strings"

// CursorDated reports whether the cursor's row shows its date on screen:
// the first row of the view and the first of each day do (see timeCell),
// and a gap or a boundary row, whose rule names its date; not when the
// time column is scrolled off or too narrow for a date. A time of day
// alone does not say which day it is.
func (t Model) CursorDated() bool {
	rows := t.visibleRows()
	cols, widths := t.layout(rows)
	for _, r := range rows {
		if r.index != t.cursor || r.e == nil {
			continue
		}
		if r.separator() {
			return true
		}
		for i, col := range cols {
			if col.kind == colTime {
				shown := strings.TrimRight(timeOfDay(r.cells[col.idx], widths[i]), " ") // Fit pads it
				return len(shown) > timeOfDayWidth
			}
		}
	}
	return false
}
