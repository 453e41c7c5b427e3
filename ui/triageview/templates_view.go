package triageview

import (
	"strings"
	"time"

	"connlog/ui/theme"
)

// View draws the title, the column heads and the rows around the cursor.
func (v TemplatesView) View() string {
	return frame(v.styles, v.width, v.height, v.title(), v.state, func(h int) []string {
		lines := []string{v.styles.Header.Render(theme.Fit(v.head(), v.width))}
		from := theme.ScrollTop(v.cursor, h-1, len(v.rows))
		for i := from; i < min(from+h-1, len(v.rows)); i++ {
			lines = append(lines, v.rowView(i))
		}
		return lines
	})
}

func (v TemplatesView) title() string {
	t := "templates of the view"
	if !v.Computing() && v.run.Err() == "" {
		t += " · " + theme.Plural(v.viewEntries, "entry") + " in " + theme.Plural(int64(v.viewTemplates), "template")
	}
	if !v.timesShown() {
		t += " · widen for times"
	}
	return t
}

// The columns' widths: mark, count, first and last time. The level's is
// its widest value's (levelWidth).
const (
	tmplMarkW  = 3
	tmplCountW = 10
	tmplTimeW  = 9 // a time of day and its space; a dated one takes its layout's width (see timeW)
)

// tmplTimesMinWidth is the narrowest screen that shows the first and last
// times. On a narrower one the template, which says what happened, takes
// their room: at 80 columns it has 44 cells instead of 31.
const tmplTimesMinWidth = 100

// timesShown reports whether the first and last times fit.
func (v TemplatesView) timesShown() bool { return v.width >= tmplTimesMinWidth }

// timeW is the width of the first and last times' columns, 0 when hidden.
func (v TemplatesView) timeW() int {
	switch {
	case !v.timesShown():
		return 0
	case v.clockAs != "":
		return len(v.clockAs) + 1 // and the space before it
	}
	return tmplTimeW
}

// sparkW is the width of the sparkline's column, after the fixed ones.
func (v TemplatesView) sparkW() int {
	return sparkWidth(v.width, tmplMarkW+tmplCountW+1+v.levelW+2*v.timeW())
}

func (v TemplatesView) head() string {
	return strings.Repeat(" ", tmplMarkW) + theme.FitRight("COUNT", tmplCountW) + " " + theme.Fit("LEVEL", v.levelW) +
		theme.Fit("FIRST", v.timeW()) + theme.Fit("LAST", v.timeW()) + theme.Fit("WHEN", v.sparkW()) + "TEMPLATE"
}

// rowView draws one template; a muted one is marked with a letter and the
// cursor's row with a glyph, so that both show without colour.
func (v TemplatesView) rowView(i int) string {
	r := v.rows[i]
	mark := []rune("   ")
	if i == v.cursor {
		mark[0] = '▸'
	}
	if r.Muted {
		mark[1] = 'M'
	}
	count := theme.Commas(r.Template.Count)
	first, last := "", ""
	if r.Muted {
		count = "(" + count + ")"
	} else {
		first, last = v.clock(r.Template.First), v.clock(r.Template.Last)
	}
	line := theme.Fit(string(mark)+theme.FitRight(count, tmplCountW)+" "+theme.Fit(theme.Clean(r.Template.Level), v.levelW)+
		theme.Fit(first, v.timeW())+theme.Fit(last, v.timeW())+sparkCell(r.Template.Buckets, v.sparkW())+
		theme.Clean(r.Template.Template), v.width)
	switch {
	case i == v.cursor:
		return v.styles.ChoiceActive.Render(line)
	case r.Muted:
		return v.styles.Dim.Render(line)
	}
	return line
}

// clock shows a time of day, or nothing for a template of untimed lines.
func (v TemplatesView) clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if v.clockAs != "" {
		return t.In(v.loc).Format(v.clockAs)
	}
	return t.In(v.loc).Format("15:04:05")
}

// levelWidth is the width of the level column: its widest value, or its
// head, and a space, so that "notice" does not run into the time after it.
func levelWidth(rows []TemplateRow) int {
	w := len("LEVEL")
	for _, r := range rows {
		w = max(w, theme.CellWidth(theme.Clean(r.Template.Level)))
	}
	return w + 1
}
