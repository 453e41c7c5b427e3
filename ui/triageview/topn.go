package triageview

import (
	"fmt"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/triage"
	"connlog/ui/theme"
)

// topRow is one line of the top-N view: a table's heading (value rows
// follow it) or a value of that table.
type topRow struct {
	table   Table
	heading bool
	empty   bool // a heading whose table has no values: it says "none"
	value   triage.Value
}

// TopNView is the top-N screen: for the current view, the most frequent
// users, resources, client IPs, countries, failure reasons, denied
// accesses and noisy modules, each with its count and share. The report is
// computed off the Update loop (the root starts it); enter on a value asks
// the root to pivot the filter to it (see TakeChoice).
type TopNView struct {
	keys          KeyMap
	styles        *theme.Styles
	width, height int
	rows          []topRow
	cursor        int // an index into rows, always on a value row when there is one
	state
	entries int64
	elapsed time.Duration
	chosen  *topRow // the row enter was pressed on, until the root takes it
	// splits is how each row's label is cut at the label width splitsW
	// (labelSplits), worked out when the rows or the width change.
	splits  []theme.Split
	splitsW int
}

// NewTopNView returns an empty view.
func NewTopNView(keys KeyMap, styles *theme.Styles) TopNView {
	return TopNView{keys: keys, styles: styles}
}

// SetSize sets the view's size; the title takes one line.
func (v *TopNView) SetSize(w, h int) {
	v.width, v.height = max(w, 0), max(h, 0)
	v.tellApart()
}

// tellApart works out how the labels are cut at the current width.
func (v *TopNView) tellApart() {
	v.splits, v.splitsW = labelSplits(v.rows, v.labelWidth()), v.labelWidth()
}

// Start shows the view computing a new report; a running job is cancelled.
func (v TopNView) Start(job Job) TopNView {
	v.state = v.start(job)
	v.rows, v.cursor = nil, 0
	v.tellApart()
	return v
}

// Refresh follows a job that updates the report shown (over the rows that
// arrived since), which stays shown, cursor and all, until it is replaced.
func (v TopNView) Refresh(job Job) TopNView {
	v.state = v.refresh(job)
	return v
}

// Stop cancels the job in flight, if any.
func (v TopNView) Stop() { v.stop() }

// SetReport shows a finished report, unless a newer job was started since.
// The cursor stays on its value when the new report still lists it.
func (v TopNView) SetReport(msg ResultMsg) TopNView {
	if !v.finish(msg) {
		return v
	}
	old := v.rows
	v.elapsed, v.entries = msg.Elapsed, msg.Report.InputEntries()
	v.rows = topRows(&msg.Report.Top)
	v.tellApart()
	top := theme.MoveCursor(theme.MoveTop, 0, len(v.rows), 1, v.isHeading)
	v.cursor = keepCursor(old, v.rows, v.cursor, top, topRow.key)
	v.cursor = v.replayMoves(v.cursor, len(v.rows), pageRows(v.height), v.isHeading)
	return v
}

// key names a value row by its table and value ("" for a heading).
func (r topRow) key() string {
	if r.heading {
		return ""
	}
	return fmt.Sprint(int(r.table), "\x00", r.value.Value)
}

// topRows lays the tables out one under the other; an empty table keeps
// its heading, which says "none" on its line, so that "nobody was denied"
// shows and no heading stands over nothing.
func topRows(t *triage.Tops) []topRow {
	var rows []topRow
	for tb := Table(0); tb < TableCount; tb++ {
		values := tb.Values(t)
		rows = append(rows, topRow{table: tb, heading: true, empty: len(values) == 0})
		for _, val := range values {
			rows = append(rows, topRow{table: tb, value: val})
		}
	}
	return rows
}

// isHeading says row i is a table's heading, which the cursor skips.
func (v TopNView) isHeading(i int) bool { return v.rows[i].heading }

// Update moves the cursor; enter chooses the value under it.
func (v TopNView) Update(msg tea.Msg) (TopNView, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	if len(v.rows) == 0 {
		v.holdMove(moveOf(&v.keys, km))
		return v, nil
	}
	if mv := moveOf(&v.keys, km); mv != theme.NoMove {
		v.cursor = theme.MoveCursor(mv, v.cursor, len(v.rows), pageRows(v.height), v.isHeading)
	} else if key.Matches(km, v.keys.Choose) && v.cursor < len(v.rows) && !v.rows[v.cursor].heading {
		row := v.rows[v.cursor]
		v.chosen = &row
	}
	return v, nil
}

// ShortHelp lists the keys the view answers to, for the hint line.
func (v TopNView) ShortHelp() []key.Binding {
	return []key.Binding{v.keys.Up, v.keys.Down, v.keys.Choose, v.keys.Close}
}

// TakeChoice returns the table and value enter chose, if any, and the
// view without the choice.
func (v TopNView) TakeChoice() (TopNView, Table, triage.Value, bool) {
	if v.chosen == nil {
		return v, 0, triage.Value{}, false
	}
	row := *v.chosen
	v.chosen = nil
	return v, row.table, row.value, true
}

// Len is how many rows the view lists, headings included.
func (v TopNView) Len() int { return len(v.rows) }

// View draws the title and the rows around the cursor.
func (v TopNView) View() string {
	return frame(v.styles, v.width, v.height, v.title(), v.state, func(h int) []string {
		var lines []string
		from := theme.ScrollTop(v.cursor, h, len(v.rows))
		splits := v.splits
		if v.splitsW != v.labelWidth() || len(splits) != len(v.rows) {
			splits = labelSplits(v.rows, v.labelWidth())
		}
		for i := from; i < min(from+h, len(v.rows)); i++ {
			lines = append(lines, v.rowView(i, splits[i]))
		}
		return lines
	})
}

func (v TopNView) title() string {
	t := "top values of the view"
	if !v.Computing() && v.run.Err() == "" {
		t += " · " + theme.Plural(v.entries, "entry")
		// Only a count that took a while says how long: a person wants
		// to know, and a screen that changes with the machine's speed
		// would make every quick one differ.
		if v.elapsed >= time.Second {
			t += " in " + v.elapsed.Round(100*time.Millisecond).String()
		}
	}
	return t
}

// sparkWidth is how wide a row's sparkline is drawn (with the space after
// it) beside fixed columns of width fixed: a quarter of the room left, from
// 6 to 32 cells, and none when the text would be left fewer than 16.
func sparkWidth(width, fixed int) int {
	w := min(max((width-fixed)/4, 6), 32)
	if width-fixed-w-1 < 16 {
		return 0
	}
	return w + 1
}

// sparkCell draws counts per bucket w-1 cells wide and a space after (an
// empty string for no room), so that it sits between two columns.
func sparkCell(buckets []uint32, w int) string {
	if w <= 1 {
		return ""
	}
	return theme.Spark(buckets, w-1) + " "
}

// noneMark follows the heading of a table with no values.
const noneMark = " · none"

// Widths of a value row's count and share columns, and of its prefix (the
// cursor's mark).
const (
	topNumW    = 11
	topShareW  = 7
	topPrefixW = 3
)

// labelWidth is how wide a value's label is drawn, the blank after it
// left out.
func (v TopNView) labelWidth() int {
	fixed := topPrefixW + topNumW + topShareW
	return max(v.width-fixed-sparkWidth(v.width, fixed), 1) - 1
}

// labelSplits is how the label of each row is cut (see theme.Apart):
// apart from the labels of its table's other values, so that a label does
// not change as the rows scroll.
func labelSplits(rows []topRow, w int) []theme.Split {
	splits := make([]theme.Split, len(rows))
	for tb := Table(0); tb < TableCount; tb++ {
		var names []string
		var at []int // the index in rows of each name
		for i, r := range rows {
			if !r.heading && r.table == tb {
				names = append(names, theme.Clean(r.value.Value))
				at = append(at, i)
			}
		}
		for k, sp := range theme.Apart(names, w) {
			splits[at[k]] = sp
		}
	}
	return splits
}

// rowView draws one row: a heading, or "value  sparkline  count  share",
// its value's label cut as split says; the cursor's row is marked with a
// glyph as well as a style, so that it shows without colour.
func (v TopNView) rowView(i int, split theme.Split) string {
	r := v.rows[i]
	if r.heading {
		heading := " " + r.table.String()
		if r.empty {
			heading += noneMark
		}
		return v.styles.Title.Render(theme.Fit(heading, v.width))
	}
	prefix := "   "
	if i == v.cursor {
		prefix = " ▸ "
	}
	share := strconv.FormatFloat(r.value.Share*100, 'f', 1, 64) + "%"
	// A blank always ends the name's cell: a name cut with "…" would
	// otherwise run into the sparkline.
	name := theme.FitMiddle(theme.Clean(r.value.Value), v.labelWidth(), split) + " "
	line := theme.Fit(prefix+name+sparkCell(r.value.Buckets, sparkWidth(v.width, topPrefixW+topNumW+topShareW))+
		theme.FitRight(theme.Commas(r.value.Count), topNumW)+theme.FitRight(share, topShareW), v.width)
	if i == v.cursor {
		return v.styles.ChoiceActive.Render(line)
	}
	return line
}
