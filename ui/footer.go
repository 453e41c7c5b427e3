package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"connlog/ui/filterbar"
	"connlog/ui/theme"
)

// footerParts draws the footer in its two parts: the bar, the go-to or
// compare prompt, or the filter in force (with its error), and under it
// the key hints or a notice. An error or a notice is wrapped over as many
// lines as it takes to be read whole at the terminal's width: they say
// what went wrong and what to do, and a cut one loses the second half.
func (m Model) footerParts() (first, second []string) {
	switch m.mode {
	case ModeFilter:
		lines := splitLines(m.bar.View())
		if len(lines) == 0 {
			return nil, nil
		}
		return lines[:1], lines[1:]
	case ModeGoto:
		return m.promptParts(m.gotoIn)
	case ModeCompare:
		return m.promptParts(m.cmpIn)
	}
	first = m.filterLines()
	if m.notice != "" {
		return first, m.noticeLines(m.styles.Notice)
	}
	return first, []string{theme.PadStyled(m.modeHints(), m.width)}
}

// promptParts are a prompt's line and, under it, its hint or error; for
// the one key after a paste that lost control characters, the note the
// filter bar gives in that case, with what to do here.
func (m Model) promptParts(in filterbar.LineInput) (first, second []string) {
	if note := in.DroppedNote(); note != "" {
		note += " — check what is left before " + keyOf(m.keys.Bar.Apply)
		return []string{in.View()}, theme.WrapIn(m.styles.Notice, note, m.width)
	}
	return []string{in.View()}, m.noticeLines(m.styles.Dim)
}

// filterLines is the idle footer's first part: the filter and search in
// force, and the error of a filter that did not compile. A filter wider
// than the terminal (the whole connection's, after c) is wrapped, and
// beyond filterLinesMax lines its middle is left out: its last terms say
// as much as its first.
func (m Model) filterLines() []string {
	first := m.styles.Dim.Render("no filter · " + hint(m.keys.Filter))
	if m.filter.text != "" {
		first = m.styles.Prompt.Render("filter: ") + theme.Clean(m.filter.text)
		if days := m.daysTaken(); days != "" {
			first += m.styles.Dim.Render(" (" + days + ")")
		}
	}
	if m.search.text != "" {
		first += m.styles.Prompt.Render("  search: ") + theme.Clean(m.search.text)
	}
	out := wrapElided(first, m.width, filterLinesMax)
	for i := range out {
		out[i] = theme.PadStyled(out[i], m.width)
	}
	if m.bar.Err() == "" {
		return out
	}
	last := len(out) - 1
	msg := "(error: " + theme.Clean(m.bar.Err()) + ")"
	wrapped := theme.WrapAfter(msg, m.width-theme.CellWidth(strings.TrimRight(out[last], " "))-2, m.width)
	out[last] = theme.PadStyled(strings.TrimRight(out[last], " ")+"  "+m.styles.BarError.Render(wrapped[0]), m.width)
	for _, l := range wrapped[1:] {
		out = append(out, theme.PadStyled(m.styles.BarError.Render(l), m.width))
	}
	return out
}

// filterLinesMax is how many lines the filter in force may take in the
// footer: the filter c makes for a connection, with its resource's
// service lines, takes three at 80 columns.
const filterLinesMax = 3

// wrapElided wraps styled text to w cells (see theme.Wrap); when that
// takes more than n lines, its middle is left out, marked "…", and what is
// left is broken at the width: n lines exactly, that keep its first terms
// (what it is) and its last (often the most telling: the resource's
// IP:port of a connection's filter).
func wrapElided(s string, w, n int) []string {
	if w <= 0 {
		return []string{s}
	}
	lines := theme.Wrap(s, w)
	if len(lines) <= n {
		return lines
	}
	keep := w*n - 1
	head := ansi.Truncate(s, keep/2, "")
	tail := ansi.TruncateLeft(s, theme.CellWidth(s)-(keep-keep/2), "")
	return strings.Split(ansi.Hardwrap(head+"…"+tail, w, true), "\n")
}

// noticeLines is the notice wrapped to the width, each line in style.
// Notices can carry an error's text (a path, a tool's output), so they are
// made inert here, whatever built them.
func (m Model) noticeLines(style interface{ Render(...string) string }) []string {
	out := theme.WrapIn(style, theme.Clean(m.notice), m.width)
	if len(out) == 0 {
		out = []string{theme.PadStyled("", m.width)}
	}
	return out
}

// modeHints is the key hint line of the mode.
func (m Model) modeHints() string {
	switch m.mode {
	case ModeTopN:
		return m.drawHelp(m.topN.ShortHelp())
	case ModeTemplates:
		return m.drawHelp(m.tmpl.ShortHelp())
	case ModeSessions:
		return m.drawHelp(m.sess.ShortHelp())
	case ModeChanged:
		return m.drawHelp(m.changed.ShortHelp())
	case ModeNormal:
		if m.tl.Focused() {
			return m.drawHelp(m.tl.ShortHelp())
		}
	}
	return m.shortHelp()
}

// footerHeight is how many lines the whole footer takes.
func (m Model) footerHeight() int {
	filter := theme.CellWidth(m.filter.text) + theme.CellWidth(m.daysTaken())
	if m.notice == "" && m.bar.Err() == "" && filter+theme.CellWidth(m.search.text) < m.width/2 {
		return footerLines // the common case, without drawing it
	}
	first, second := m.footerParts()
	return len(first) + len(second)
}

// footerLines is the footer cut to n lines. The filter line (or the prompt)
// keeps its place first, unless a notice answers the last key; a part cut
// short ends in "…", so that it does not read as whole.
func (m Model) footerLines(n int) []string {
	first, second := m.footerParts()
	if m.mode == ModeNormal && m.notice != "" {
		second, first = keepFirst(second, first, n, m.width)
	} else {
		first, second = keepFirst(first, second, n, m.width)
	}
	return append(first, second...)
}

// keepFirst cuts a and b to n lines between them, a first.
func keepFirst(a, b []string, n, w int) ([]string, []string) {
	na := min(len(a), max(n, 0))
	nb := min(len(b), max(n-na, 0))
	return cutLines(a, na, w), cutLines(b, nb, w)
}

// cutLines keeps n of lines, marking the last one kept when some are lost.
func cutLines(lines []string, n, w int) []string {
	if n >= len(lines) {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	if n > 0 && w > 0 {
		out[n-1] = ansi.Truncate(out[n-1], w-1, "") + "…"
	}
	return out
}
