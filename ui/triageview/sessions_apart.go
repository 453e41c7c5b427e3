package triageview

import (
	"connlog/ui/theme"
)

// sessApartCols are the columns of names, where two long values may differ
// only past what their cells show.
var sessApartCols = map[string]bool{"USER": true, "RESOURCE": true, "CLIENT": true}

// sessApart is how the names of the rows are cut in their columns (see
// theme.Apart), worked out over every row when the rows or the width
// change, not at each frame, so that a name shows the same whatever rows
// are on screen. It holds only the names cut in the middle.
type sessApart struct {
	layout sessLayout
	splits map[sessName]theme.Split
}

// sessName is a name as shown in a column.
type sessName struct{ col, name string }

// sessLayout is what the columns' widths follow.
type sessLayout struct {
	width, durW int
	times       string
}

// layout is what the view's columns' widths follow now.
func (v *SessionsView) layout() sessLayout {
	return sessLayout{width: v.width, durW: v.durW, times: v.timeLayout()}
}

// tellApart works out how the names of the rows are cut at the view's
// current width.
func (v *SessionsView) tellApart() {
	cols, _ := visibleCols(v.width, v.timeLayout(), v.durW)
	v.apart = sessApart{layout: v.layout()}
	for _, c := range cols {
		if !sessApartCols[c.title] {
			continue
		}
		names := make([]string, len(v.rows))
		for i := range v.rows {
			names[i] = theme.Clean(c.cell(v, &v.rows[i]))
		}
		for i, sp := range theme.Apart(names, c.width) {
			if sp == (theme.Split{}) {
				continue
			}
			if v.apart.splits == nil {
				v.apart.splits = map[sessName]theme.Split{}
			}
			v.apart.splits[sessName{c.title, names[i]}] = sp
		}
	}
}

// split is how name is cut in column c at layout now: the zero Split
// (Fit's cut) unless it is told apart from another.
func (a *sessApart) split(now sessLayout, c sessCol, name string) theme.Split {
	if a.splits == nil || a.layout != now || !sessApartCols[c.title] {
		return theme.Split{}
	}
	return a.splits[sessName{c.title, name}]
}

// sessCell draws a cell of column c: a number to the right, a name cut
// as sp says.
func sessCell(c sessCol, s string, sp theme.Split) string {
	if c.right {
		return theme.FitRight(s, c.width)
	}
	return theme.FitMiddle(s, c.width, sp)
}
