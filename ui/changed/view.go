package changed

import (
	"fmt"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/theme"
)

// markW is the width of the cursor's mark; the other columns are as wide
// as what they hold (see columnsOf), and the text takes the rest.
const markW = 3

// narrowBelow is the width under which the what column is abbreviated,
// so that the template keeps most of a narrow terminal.
const narrowBelow = 100

// columns are the widths of the what, count and change columns, each with
// the space before the next.
type columns struct{ what, before, now, change int }

// columnsOf fits the columns to the rows shown and to the width.
func (m Model) columnsOf() columns {
	c := columns{what: len("WHAT"), before: len("BEFORE"), now: len("NOW"), change: len("CHANGE")}
	lenA, lenB := m.result.Changed.A.Length().Minutes(), m.result.Changed.B.Length().Minutes()
	for _, r := range m.rows {
		if r.heading {
			continue
		}
		ch := &r.change
		c.what = max(c.what, len(m.what(ch.What)))
		c.before = max(c.before, len(theme.Commas(ch.B)))
		c.now = max(c.now, len(theme.Commas(ch.A)))
		c.change = max(c.change, len(changeText(r.section, ch, lenA, lenB)))
	}
	c.what, c.before, c.now, c.change = c.what+1, c.before+1, c.now+1, c.change+1
	return c
}

// what names a row's kind, shortened on a narrow terminal.
func (m Model) what(w string) string {
	if m.width >= narrowBelow {
		return w
	}
	switch w {
	case "template":
		return "tmpl"
	case "resource":
		return "res"
	case "failure":
		return "fail"
	}
	return w
}

// View draws the view at exactly its size: title, windows, column heads
// and the rows around the cursor, or the progress, the error, or why the
// list is empty.
func (m Model) View() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := []string{m.styles.DialogTitle.Render(theme.Fit(m.title(), w))}
	switch {
	case m.run.Running():
		lines = append(lines, theme.Fit(m.progressText(), w))
	case m.run.Err() != "":
		// Wrapped whole: why, and what to do, is often past the width.
		lines = append(lines, theme.WrapIn(m.styles.ErrorText, "could not compare: "+theme.Clean(m.run.Err()), w)...)
	default:
		for _, l := range m.windowsText() {
			lines = append(lines, m.styles.Dim.Render(theme.Fit(l, w)))
		}
		lines = append(lines, m.body(h-len(lines))...)
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines[:h], "\n")
}

func (m Model) title() string {
	t := "what changed"
	if !m.run.Running() && m.run.Err() == "" && m.result.Basis != "" {
		t += " · " + theme.Clean(m.result.Basis)
		// Only a comparison that took a while says how long, as the
		// top-N view does: quick ones would make every screen differ.
		if m.result.Elapsed >= time.Second {
			t += " · " + m.result.Elapsed.Round(100*time.Millisecond).String()
		}
	}
	return t
}

// progressText says how far the comparison has read.
func (m Model) progressText() string {
	done, total, known := m.run.Job().Progress()
	if !known || total == 0 {
		return " comparing… finding the windows"
	}
	return fmt.Sprintf(" comparing… %s of %s entries (%d%%)", theme.Commas(done), theme.Commas(total), done*100/total)
}

// windowsText names the two windows and how many entries each holds, one
// line each, then how many of the view's entries fall in neither, if any.
func (m Model) windowsText() []string {
	r := &m.result
	lines := []string{" now    " + m.span(r.Changed.A, r.EntriesA), " before " + m.span(r.Changed.B, r.EntriesB)}
	if note := r.Changed.OutsideNote(); note != "" {
		lines = append(lines, " "+note)
	}
	return lines
}

// span shows a window as "2026-02-10 09:00:00–09:15:00 (15m): 1,234
// entries"; the end has its date only when it is on another day.
func (m Model) span(w triage.Window, entries int) string {
	const day, clock = "2006-01-02 ", "15:04:05"
	from, to := w.From.In(m.loc), w.To.In(m.loc)
	end := to.Format(clock)
	if from.Format(day) != to.Add(-time.Nanosecond).Format(day) {
		end = to.Format(day + clock)
	}
	n := "no entries"
	if entries > 0 {
		n = theme.Plural(int64(entries), "entry")
	}
	return from.Format(day+clock) + "–" + end + " (" + model.ShortDuration(w.Length()) + "): " + n
}

// body is the column heads and the rows, h lines at most.
func (m Model) body(h int) []string {
	if h <= 0 {
		return nil
	}
	if len(m.rows) == 0 {
		why := "nothing changed between the windows"
		if m.result.EntriesA+m.result.EntriesB == 0 {
			why = "no entry of the view falls in either window"
		}
		return []string{theme.Fit(" "+why+" — "+m.keys.Windows.Help().Key+" chooses other windows", m.width)}
	}
	cols := m.columnsOf()
	lines := []string{m.styles.Header.Render(theme.Fit(m.head(cols), m.width))}
	from := theme.ScrollTop(m.cursor, h-1, len(m.rows))
	for i := from; i < min(from+h-1, len(m.rows)); i++ {
		lines = append(lines, m.rowView(i, cols))
	}
	return lines
}

func (m Model) head(c columns) string {
	return strings.Repeat(" ", markW) + theme.Fit("WHAT", c.what) + theme.FitRight("BEFORE", c.before) +
		theme.FitRight("NOW", c.now) + theme.FitRight("CHANGE", c.change) + "  TEMPLATE OR VALUE"
}

// rowView draws a heading, or one change; the cursor's row is marked with
// a glyph as well as a style, so that it shows without colour.
func (m Model) rowView(i int, cols columns) string {
	r := m.rows[i]
	if r.heading {
		return m.styles.Title.Render(theme.Fit(" "+r.section.String(), m.width))
	}
	c := &r.change
	mark := "   "
	if i == m.cursor {
		mark = " ▸ "
	}
	ch := changeText(r.section, c, m.result.Changed.A.Length().Minutes(), m.result.Changed.B.Length().Minutes())
	line := theme.Fit(mark+theme.Fit(m.what(c.What), cols.what)+theme.FitRight(theme.Commas(c.B), cols.before)+
		theme.FitRight(theme.Commas(c.A), cols.now)+theme.FitRight(ch, cols.change)+"  "+theme.Clean(text(c)), m.width)
	if i == m.cursor {
		return m.styles.ChoiceActive.Render(line)
	}
	return line
}
