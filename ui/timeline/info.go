package timeline

import (
	"strconv"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// infoLine names the strip, its scale and window, and what the cursor's
// bucket (and the span) hold.
func (m Model) infoLine(s series) string {
	st := m.styles
	parts := []string{st.Title.Render("timeline") + " " + widthText(widthAt(s.step))}
	switch {
	case m.counting && len(s.t) == 0:
		parts = append(parts, "counting…")
	case len(s.t) == 0:
		parts = append(parts, "no timed entries in this view")
	default:
		last := min(m.offset+m.visible(len(s.t)), len(s.t))
		if c := m.cursorIndex(s); c >= 0 {
			at := m.clock(startOf(s, c), s.step)
			if m.datesClocks(startOf(s, m.offset), startOf(s, last), s.step) {
				at = m.date(time.Unix(0, startOf(s, c)).In(m.loc)) + " " + at // 21:00 over a week reads as today's
			}
			parts = append(parts, "▲ "+at+" "+tallyText(&s.t[c]))
		}
		if m.sel != selNone {
			lo, hi := m.spanOf(s)
			parts = append(parts, st.Notice.Render("span "+m.rangeText(startOf(s, lo), startOf(s, hi+1), s.step)))
		}
		parts = append(parts, m.rangeText(startOf(s, m.offset), startOf(s, last), s.step))
	}
	if m.counts.untimed > 0 {
		parts = append(parts, short(uint64(m.counts.untimed))+" untimed")
	}
	return theme.PadStyled(theme.Cut(strings.Join(parts, " │ "), m.width), m.width)
}

// tallyText says what a bucket holds: the count, then the marks with the
// letters the marks row uses.
func tallyText(t *Tally) string {
	out := short(t.Total())
	for _, p := range []struct {
		letter string
		n      uint64
	}{
		{"E", uint64(t.Levels[model.LevelError]) + uint64(t.Levels[model.LevelCritical])},
		{"W", uint64(t.Levels[model.LevelWarn])}, {"F", uint64(t.Failed)}, {"D", uint64(t.Denied)},
		{"R", uint64(t.Restarts)}, {"G", uint64(t.Gaps)},
	} {
		if p.n > 0 {
			out += " " + p.letter + short(p.n)
		}
	}
	return out
}

// clock writes a bucket's start as precisely as its width needs.
func (m Model) clock(ns int64, step int) string {
	t := time.Unix(0, ns).In(m.loc)
	switch w := widthAt(step); {
	case w < int64(time.Minute):
		return t.Format("15:04:05")
	case w < int64(24*time.Hour):
		return t.Format("15:04")
	}
	return m.date(t)
}

// date writes a day, with its year when it is not the current year's, as
// the table writes its rows' times.
func (m Model) date(t time.Time) string {
	if m.year != 0 && t.Year() != m.year {
		return t.Format("2006-01-02")
	}
	return t.Format("01-02")
}

// rangeText writes from–to, with the date when they fall on two days (once:
// a bucket a day or wider is written as its date).
func (m Model) rangeText(from, to int64, step int) string {
	if m.datesClocks(from, to, step) {
		a, b := time.Unix(0, from).In(m.loc), time.Unix(0, to).In(m.loc)
		if query.SameDay(a, b, m.loc) { // another day than today's: its date once
			return m.date(a) + " " + m.clock(from, step) + "–" + m.clock(to, step)
		}
		return m.date(a) + " " + m.clock(from, step) + "–" + m.date(b) + " " + m.clock(to, step)
	}
	return m.clock(from, step) + "–" + m.clock(to, step)
}

// datesClocks reports whether a time of day within [from, to] needs its
// date: the window spans days or is of another day than today's, and a
// bucket is narrower than a day (a day-wide one is written as its date).
func (m Model) datesClocks(from, to int64, step int) bool {
	return query.NeedsDates(time.Unix(0, from), time.Unix(0, to), m.now, m.loc) && widthAt(step) < int64(24*time.Hour)
}

// widthText writes a bucket width: 1s, 30s, 5m, 3h, 2d.
func widthText(ns int64) string {
	d := time.Duration(ns)
	switch {
	case d >= 24*time.Hour:
		return strconv.FormatInt(int64(d/(24*time.Hour)), 10) + "d"
	case d >= time.Hour:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	case d >= time.Minute:
		return strconv.FormatInt(int64(d/time.Minute), 10) + "m"
	}
	return strconv.FormatInt(int64(d/time.Second), 10) + "s"
}

// short writes a count in at most five characters: 999, 12.3k, 4.5M.
func short(n uint64) string {
	switch {
	case n < 10_000:
		return strconv.FormatUint(n, 10)
	case n < 1_000_000:
		return strconv.FormatFloat(float64(n)/1e3, 'f', decimals(n, 1e3), 64) + "k"
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', decimals(n, 1e6), 64) + "M"
}

// decimals keeps one decimal below a hundred units.
func decimals(n uint64, unit float64) int {
	if float64(n)/unit < 100 {
		return 1
	}
	return 0
}
