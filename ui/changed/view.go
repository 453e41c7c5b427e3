package changed

import (
	"fmt"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/theme"
)

// The columns' widths: cursor mark, what the row is, the two counts and
// the change; the text takes the rest.
const (
	markW   = 3
	whatW   = 9
	countW  = 9
	changeW = 8
)

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
// line each.
func (m Model) windowsText() []string {
	r := &m.result
	return []string{" now    " + m.span(r.Changed.A, r.EntriesA), " before " + m.span(r.Changed.B, r.EntriesB)}
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
	lines := []string{m.styles.Header.Render(theme.Fit(m.head(), m.width))}
	from := theme.ScrollTop(m.cursor, h-1, len(m.rows))
	for i := from; i < min(from+h-1, len(m.rows)); i++ {
		lines = append(lines, m.rowView(i))
	}
	return lines
}

func (m Model) head() string {
	return strings.Repeat(" ", markW) + theme.Fit("WHAT", whatW) + theme.FitRight("BEFORE", countW) +
		theme.FitRight("NOW", countW) + theme.FitRight("CHANGE", changeW) + "  TEMPLATE OR VALUE"
}

// rowView draws a heading, or one change; the cursor's row is marked with
// a glyph as well as a style, so that it shows without colour.
func (m Model) rowView(i int) string {
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
	line := theme.Fit(mark+theme.Fit(c.What, whatW)+theme.FitRight(theme.Commas(c.B), countW)+
		theme.FitRight(theme.Commas(c.A), countW)+theme.FitRight(ch, changeW)+"  "+theme.Clean(text(c)), m.width)
	if i == m.cursor {
		return m.styles.ChoiceActive.Render(line)
	}
	return line
}
