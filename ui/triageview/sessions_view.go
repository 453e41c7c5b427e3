package triageview

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/theme"
)

// sessCol is a column of the sessions view: its head, width, and how much
// it matters (the least important are dropped first when narrow).
type sessCol struct {
	title string
	width int
	prio  int
	right bool
	cell  func(v *SessionsView, s *triage.Session) string
}

// sessMarkW is the cursor's mark; sessStatusMin the least room the status
// column (last, taking what is left) is given, sessStatusWide what it is
// given on a wide screen: it holds the failure reason.
const (
	sessMarkW      = 2
	sessStatusMin  = 24
	sessStatusWide = 40
)

// statusRoom is the room kept for the status column at a width w.
func statusRoom(w int) int { return min(sessStatusWide, max(sessStatusMin, w/4)) }

// sessCols are the columns in screen order; the status comes after them.
var sessCols = []sessCol{
	{"START", 8, 100, false, func(v *SessionsView, s *triage.Session) string { return v.clock(s.Start) }},
	{"END", 8, 60, false, func(v *SessionsView, s *triage.Session) string { return v.endClock(s) }},
	{"DUR", sessDurW, 70, true, func(_ *SessionsView, s *triage.Session) string { return sessDuration(s) }},
	{"USER", 15, 90, false, func(_ *SessionsView, s *triage.Session) string { return s.User }},
	{"RESOURCE", 20, 80, false, func(_ *SessionsView, s *triage.Session) string { return s.Resource }},
	{"PROTO", 6, 30, false, func(_ *SessionsView, s *triage.Session) string { return s.Protocol }},
	{"CLIENT", 16, 50, false, func(_ *SessionsView, s *triage.Session) string { return s.Client }},
	{"CC", 3, 20, false, func(_ *SessionsView, s *triage.Session) string { return s.Country }},
	{"PATH", 7, 10, false, func(_ *SessionsView, s *triage.Session) string { return s.Path }},
	{"RX/TX", 13, 40, true, func(_ *SessionsView, s *triage.Session) string { return sessRxTx(s) }},
}

// visibleCols picks the columns that fit w cells beside the status column
// (the times wider when dated, the duration durW wide when more than its
// least), most important first, and returns them in screen order with the count
// left out.
func visibleCols(w int, layout string, durW int) (cols []sessCol, hidden int) {
	all := slices.Clone(sessCols)
	for i := range all {
		if all[i].title == "DUR" {
			all[i].width = max(all[i].width, durW)
		}
	}
	if layout != "" {
		for i := range all {
			if all[i].title == "START" || all[i].title == "END" {
				all[i].width = len(layout)
			}
		}
	}
	room := w - sessMarkW - statusRoom(w)
	byPrio := make([]int, len(all))
	for i := range byPrio {
		byPrio[i] = i
	}
	sort.SliceStable(byPrio, func(a, b int) bool { return all[byPrio[a]].prio > all[byPrio[b]].prio })
	keep := make([]bool, len(all))
	for _, i := range byPrio {
		need := all[i].width + 1
		if need <= room {
			keep[i], room = true, room-need
			continue
		}
		// At 80 columns dated times (sessions across midnight) leave the
		// duration no room: it takes its cells from the names' last ones
		// rather than go, not from the status, which a failure's reason needs.
		if all[i].title != "DUR" || !squeezeNames(all, keep, need) {
			break // a less important column never takes the place of a more important one
		}
		keep[i] = true
	}
	for i, c := range all {
		if keep[i] {
			cols = append(cols, c)
		} else {
			hidden++
		}
	}
	return widen(cols, room+statusRoom(w)-sessStatusWide), hidden
}

// sessNameLeast is the least width of each name column the duration may
// cut them to: an address's name, a user's mailbox still show.
var sessNameLeast = map[string]int{"USER": 12, "RESOURCE": 15}

// squeezeNames cuts the kept name columns, down to their least widths, by
// n cells in all, and reports whether they had them; they are left as
// they were when they had not.
func squeezeNames(all []sessCol, keep []bool, n int) bool {
	spare := 0
	for i, c := range all {
		if least, ok := sessNameLeast[c.title]; ok && keep[i] {
			spare += max(c.width-least, 0)
		}
	}
	if spare < n {
		return false
	}
	for i := len(all) - 1; i >= 0 && n > 0; i-- { // the resource's first: it is the wider
		if least, ok := sessNameLeast[all[i].title]; ok && keep[i] {
			cut := min(max(all[i].width-least, 0), n)
			all[i].width -= cut
			n -= cut
		}
	}
	return true
}

// sessGrow is how much wider than its least width a name column (user,
// resource) grows when the screen has room to spare.
const sessGrow = 14

// widen gives spare cells (beyond the status's room on a wide screen) to
// the user and resource columns, whose names are the longest.
func widen(cols []sessCol, spare int) []sessCol {
	for i := range cols {
		if spare <= 0 {
			break
		}
		if cols[i].title == "USER" || cols[i].title == "RESOURCE" {
			add := min(spare, sessGrow)
			cols[i].width += add
			spare -= add
		}
	}
	return cols
}

// View draws the title, the column heads and the rows around the cursor.
func (v SessionsView) View() string {
	cols, hidden := visibleCols(v.width, v.timeLayout(), v.durW)
	return frame(v.styles, v.width, v.height, v.title(hidden), v.state, func(h int) []string {
		lines := []string{v.styles.Header.Render(theme.Fit(v.head(cols), v.width))}
		if len(v.rows) == 0 {
			return append(lines, theme.Fit("  no connection in the view", v.width))
		}
		from := theme.ScrollTop(v.cursor, h-1, len(v.rows))
		for i := from; i < min(from+h-1, len(v.rows)); i++ {
			lines = append(lines, v.rowView(i, cols))
		}
		return lines
	})
}

// title counts the connections by status; it says how many columns the
// width left out (when there is a row to leave them out of), and when the
// rows listed are not all of them: in fewer words when the long ones do
// not fit, and without the hidden columns when those do not either.
func (v SessionsView) title(hidden int) string {
	if v.Computing() || v.run.Err() != "" {
		return "sessions of the view"
	}
	if len(v.rows) == 0 {
		hidden = 0
	}
	counts, listed, cols := v.titleParts(hidden, false)
	if t := counts + listed + cols; theme.CellWidth(t) <= v.width {
		return t
	}
	counts, listed, cols = v.titleParts(hidden, true)
	if t := counts + listed + cols; theme.CellWidth(t) <= v.width {
		return t
	}
	return counts + listed
}

// titleParts are the parts of the title, in full or short: the counts by
// status, how many rows are listed and how many columns hidden ("" when
// all are).
func (v SessionsView) titleParts(hidden int, short bool) (counts, listed, cols string) {
	s := v.totals
	total := s.Open + s.Closed + s.Failed + s.UnknownEnd + s.Dropped
	counts, sep := "sessions · "+theme.Plural(total, "connection"), ": "
	if short {
		counts = theme.Commas(total) // the column heads say what of
	}
	for _, c := range []struct {
		n    int64
		name string
	}{{s.Open, "open"}, {s.Closed, "closed"}, {s.Failed, "failed"}, {s.UnknownEnd, "unknown end"}, {s.Dropped, "not kept"}} {
		if c.n > 0 {
			counts += sep + theme.Commas(c.n) + " " + c.name
			sep = ", "
		}
	}
	listedText, colsText := " · the %s most recent listed", " · %d columns hidden (widen)"
	if short {
		listedText, colsText = " · %s listed", " · %d cols hidden"
	}
	if int64(len(v.rows)) < total {
		listed = fmt.Sprintf(listedText, theme.Commas(int64(len(v.rows))))
	}
	if hidden > 0 {
		cols = fmt.Sprintf(colsText, hidden)
	}
	return counts, listed, cols
}

func (v SessionsView) head(cols []sessCol) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", sessMarkW))
	for _, c := range cols {
		b.WriteString(cellText(c, c.title) + " ")
	}
	b.WriteString("STATUS")
	return b.String()
}

func cellText(c sessCol, s string) string {
	if c.right {
		return theme.FitRight(s, c.width)
	}
	return theme.Fit(s, c.width)
}

// rowView draws one session; log text goes through theme.Clean, and the
// cursor's row is marked with a glyph so that it shows without colour.
func (v SessionsView) rowView(i int, cols []sessCol) string {
	s := &v.rows[i]
	var b strings.Builder
	if i == v.cursor {
		b.WriteString("▸ ")
	} else {
		b.WriteString("  ")
	}
	layout := v.layout()
	for _, c := range cols {
		name := theme.Clean(c.cell(&v, s))
		b.WriteString(sessCell(c, name, v.apart.split(layout, c, name)) + " ")
	}
	b.WriteString(theme.Clean(StatusText(s)))
	line := theme.Fit(b.String(), v.width)
	switch {
	case i == v.cursor:
		return v.styles.ChoiceActive.Render(line)
	case s.Status == triage.StatusFailed:
		return v.styles.ErrorText.Render(line)
	}
	return line
}

// StatusText is a session's status as the view shows it: a failure with
// its reason, a close with how it ended when the record says.
func StatusText(s *triage.Session) string {
	switch {
	case s.Status == triage.StatusFailed && s.Reason != "":
		return "failed: " + s.Reason
	case s.Status == triage.StatusClosed && s.Reason != "":
		return "closed (" + s.Reason + ")"
	}
	return s.Status.String()
}

// sessDuration is how long a session lasted: the duration its close
// logged, as the table shows it (-5ms, 1.2e+11d), else from its start to
// its end; "?" when an end is outside the data, and nothing while it is
// open.
func sessDuration(s *triage.Session) string {
	if s.Status == triage.StatusOpen {
		return ""
	}
	if logged := s.DurText(); logged != "" {
		return logged
	}
	if s.Start.IsZero() || s.End.IsZero() || s.Duration < 0 {
		return "?"
	}
	return model.HumanDuration(float64(s.Duration.Milliseconds()))
}

// sessDurW is the DUR column's width (50m34s), sessDurWide the 8 cells of
// the table's, which model.HumanDuration fits any duration in (1.2e+11d),
// taken when a row needs them.
const (
	sessDurW    = 6
	sessDurWide = 8
)

// durWidth is the width the rows' durations need, between sessDurW and
// sessDurWide.
func durWidth(rows []triage.Session) int {
	w := sessDurW
	for i := range rows {
		w = max(w, theme.CellWidth(sessDuration(&rows[i])))
	}
	return min(w, sessDurWide)
}

// sessRxTx shows the bytes received and sent once the session has ended,
// each cut to sessBytesW cells so that a count of 280 digits leaves room
// for the other.
func sessRxTx(s *triage.Session) string {
	if rx := sessBytes(s, s.RxText(), s.Rx); rx != "" {
		return theme.Cut(rx, sessBytesW) + "/" + theme.Cut(sessBytes(s, s.TxText(), s.Tx), sessBytesW)
	}
	return ""
}

// sessBytesW bounds each half of RX/TX: 18.4EB/100EB whole, 1000000…/NaN.
const sessBytesW = 8

// sessBytes shows a count of bytes once the session has ended (the close
// carries them), nothing before: as the close logged it, as the table
// shows it (18.4EB, NaN), else n.
func sessBytes(s *triage.Session, logged string, n int64) string {
	switch {
	case s.Status != triage.StatusClosed:
		return ""
	case logged != "":
		return logged
	}
	return model.HumanBytes(float64(n))
}

// clock shows a time of day, "?" for one outside the data.
func (v *SessionsView) clock(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	if layout := v.timeLayout(); layout != "" {
		return t.In(v.loc).Format(layout)
	}
	return t.In(v.loc).Format("15:04:05")
}

// endClock shows when a session ended: nothing while it is open.
func (v *SessionsView) endClock(s *triage.Session) string {
	if s.Status == triage.StatusOpen {
		return ""
	}
	return v.clock(s.End)
}

// sessYearMinWidth is the narrowest view whose times carry their years
// whole: below it, the five cells of a year would cut the status (a
// failure's reason), which says more; they carry its last two digits
// (shortYearClock), as a date alone reads as this year's.
const sessYearMinWidth = 100

// timeLayout is how the view writes its times at its width (see
// clockLayout): a whole year only where there is room for it.
func (v *SessionsView) timeLayout() string {
	if v.clockAs == yearClock && v.width < sessYearMinWidth {
		return shortYearClock
	}
	return v.clockAs
}
