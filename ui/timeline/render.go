package timeline

import (
	"slices"
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// tableLeast is what the strip leaves of the body at least: the table's
// header and a row, which say what the rows are.
const tableLeast = 2

// tableRoomy is what a strip of more than one line leaves of the body at
// least: the table's header and five rows, as on a short terminal the
// tabs and the key hints leave it (see ui's chrome).
const tableRoomy = 6

// blocks are the eighths a bar row is drawn with, empty to full.
var blocks = []rune(" ▁▂▃▄▅▆▇█")

// Height returns how many lines the strip takes from a body of the given
// height: the full strip when the table keeps room, a shorter one on a
// short terminal, nothing when hidden or when the table would be left
// without its header and a row (tableLeast).
func (m Model) Height(body int) int {
	switch {
	case !m.Shown():
		return 0
	case body >= 13:
		return 5
	case body >= 3+tableRoomy:
		return 3
	case body >= 1+tableLeast:
		return 1
	}
	return 0
}

// SetSize sets the strip's width and its height (see Height).
func (m Model) SetSize(w, h int) Model {
	m.width, m.height = max(w, 0), max(h, 0)
	return m.clampOffset()
}

// rows says which lines a strip of height h draws under its info line.
func rows(h int) (bars int, marks, pointer bool) {
	switch {
	case h >= 5:
		return 2, true, true
	case h == 4:
		return 2, true, false
	case h == 3:
		return 1, true, false
	case h == 2:
		return 1, false, false
	}
	return 0, false, false
}

// View draws the strip: an info line, the bars, the marks and the pointer,
// each exactly the strip's width.
func (m Model) View() string {
	if !m.Shown() || m.width <= 0 || m.height <= 0 {
		return ""
	}
	s := m.series()
	m = m.clampOffsetIn(s)
	lines := []string{m.infoLine(s)}
	bars, marks, pointer := rows(m.height)
	cells := m.layoutCells(s)
	for r := bars - 1; r >= 0; r-- {
		lines = append(lines, m.drawRow(cells, func(c cell) rune { return barRune(c, r) }, false))
	}
	if marks {
		lines = append(lines, m.drawRow(cells, func(c cell) rune { return c.mark }, true))
	}
	if pointer {
		lines = append(lines, theme.PadStyled(m.pointerRow(s, cells), m.width))
	}
	return strings.Join(lines, "\n")
}

// cell is one column of the strip.
type cell struct {
	height  int         // eighths of the bar rows, 0 for an empty bucket
	worst   model.Level // the notable level the bar is coloured by
	mark    rune
	cursor  bool
	inSpan  bool
	pointer rune // what the pointer row draws here
}

// layoutCells maps the visible buckets to columns: column x shows bucket
// offset + x×vis/width, so that buckets fewer than the columns are
// stretched over all of them.
func (m Model) layoutCells(s series) []cell {
	vis := min(m.visible(len(s.t)), len(s.t)-m.offset)
	bars, _, _ := rows(m.height)
	cur := m.cursorIndex(s)
	lo, hi := m.spanOf(s)
	if m.sel == selNone {
		lo, hi = -1, -2
	}
	var peak uint64
	for i := m.offset; i < m.offset+vis; i++ {
		peak = max(peak, s.t[i].Total())
	}
	high := highMarks(s.t[m.offset : m.offset+vis])
	out := make([]cell, m.width)
	for x := range out {
		out[x] = cell{mark: ' ', pointer: ' '}
	}
	for j := 0; j < vis; j++ {
		i := m.offset + j
		from, to := ceilDiv(j*m.width, vis), ceilDiv((j+1)*m.width, vis)
		t := &s.t[i]
		c := cell{height: scaled(t.Total(), peak, 8*max(bars, 1)), worst: t.Notable(), mark: ' ',
			cursor: i == cur, inSpan: i >= lo && i <= hi, pointer: ' '}
		if c.inSpan {
			c.pointer = '─'
		}
		for x := from; x < to; x++ {
			out[x] = c
		}
		for k, r := range lettersOf(t, &high) {
			if from+k < to {
				out[from+k].mark = r
			}
		}
		if from < to {
			if c.cursor {
				out[(from+to-1)/2].pointer = '▲'
			}
		}
	}
	return out
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// scaled maps n of peak to 0..full eighths, any non-zero count to at
// least one, so that a single error in a busy hour still shows.
func scaled(n, peak uint64, full int) int {
	if n == 0 || peak == 0 {
		return 0
	}
	return max(1, int((n*uint64(full)+peak-1)/peak))
}

// barRune is the block of bar row r (0 at the bottom).
func barRune(c cell, r int) rune {
	h := c.height - 8*r
	return blocks[min(max(h, 0), 8)]
}

// markLetters are the marks' letters, the most telling first: R restart,
// G gap, F failed, D denied, E error, W warning.
var markLetters = [markCount]rune{'R', 'G', 'F', 'D', 'E', 'W'}

const markCount = 6

// markCounts returns a bucket's count of each mark, in markLetters' order.
func markCounts(t *Tally) [markCount]uint32 {
	return [markCount]uint32{t.Restarts, t.Gaps, t.Failed, t.Denied,
		t.Levels[model.LevelError] + t.Levels[model.LevelCritical], t.Levels[model.LevelWarn]}
}

// lettersOf lists the letters of a bucket's marks, the most telling first,
// in upper case where the mark reaches high (see highMarks) and in lower
// case below: failures in every bucket of a busy connector read "f", the
// burst that matters "F".
func lettersOf(t *Tally, high *[markCount]uint32) []rune {
	var out []rune
	for i, n := range markCounts(t) {
		switch {
		case n == 0:
		case n >= high[i]:
			out = append(out, markLetters[i])
		default:
			out = append(out, unicode.ToLower(markLetters[i]))
		}
	}
	return out
}

// highMarks returns, for each mark, the count from which a bucket's letter
// is upper case: one and a half times the median over the buckets shown.
// A mark in fewer than half of them (a restart) has a median of zero, so
// any count of it is high.
func highMarks(ts []Tally) [markCount]uint32 {
	var high [markCount]uint32
	all := make([][markCount]uint32, len(ts))
	for i := range ts {
		all[i] = markCounts(&ts[i])
	}
	counts := make([]uint32, len(ts))
	for k := range markCount {
		for i := range all {
			counts[i] = all[i][k]
		}
		slices.Sort(counts)
		if len(counts) > 0 {
			med := counts[len(counts)/2]
			high[k] = max((3*med+1)/2, 1)
		}
	}
	return high
}

// look is how a cell is styled; cells of one look are rendered together.
type look uint8

const (
	lookPlain look = iota
	lookCursor
	lookSpan
	lookRestart
	lookGap
	lookError
	lookWarn
)

// lookOf returns a cell's look: the cursor in reverse, the span
// underlined, otherwise by the bucket's worst level (bars) or its mark.
func lookOf(c cell, marks bool) look {
	switch {
	case c.cursor:
		return lookCursor
	case c.inSpan:
		return lookSpan
	case marks && (c.mark == 'R' || c.mark == 'r'):
		return lookRestart
	case marks && (c.mark == 'G' || c.mark == 'g'):
		return lookGap
	case c.worst >= model.LevelError:
		return lookError
	case c.worst == model.LevelWarn:
		return lookWarn
	}
	return lookPlain
}

func (m Model) styleOf(l look) lipgloss.Style {
	st := m.styles
	return [...]lipgloss.Style{lookPlain: st.Block, lookCursor: st.Cursor, lookSpan: st.InRange,
		lookRestart: st.Boundary, lookGap: st.Gap, lookError: st.ErrorText, lookWarn: st.Level(model.LevelWarn)}[l]
}

// drawRow draws one row of cells, rendering runs of one look at once.
func (m Model) drawRow(cells []cell, glyph func(cell) rune, marks bool) string {
	var b, run strings.Builder
	cur := lookPlain
	flush := func() {
		if run.Len() > 0 {
			b.WriteString(m.styleOf(cur).Render(run.String()))
			run.Reset()
		}
	}
	for _, c := range cells {
		if l := lookOf(c, marks); l != cur {
			flush()
			cur = l
		}
		run.WriteRune(glyph(c))
	}
	flush()
	return theme.PadStyled(b.String(), m.width)
}

// pointerRow draws ▲ under the cursor and ─ under the span; ◀ or ▶ at an
// edge says the cursor is off screen that way.
func (m Model) pointerRow(s series, cells []cell) string {
	out := make([]rune, len(cells))
	seen := false
	for i, c := range cells {
		out[i] = c.pointer
		seen = seen || c.pointer == '▲'
	}
	if !seen && len(out) > 0 && len(s.t) > 0 && m.cursor != 0 {
		if indexOf(s, m.cursor) < m.offset {
			out[0] = '◀'
		} else {
			out[len(out)-1] = '▶'
		}
	}
	return m.styles.Notice.Render(string(out))
}
