package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// tableData is what the table draws from; the root model hands it a fresh
// one before every update and render.
type tableData struct {
	sn      *model.Snapshot
	view    *model.View
	words   []string
	loc     *time.Location
	marks   map[int64]bool
	selFrom int64 // the visual range, as Seqs; 0 when none
	selTo   int64
}

// len returns the number of rows.
func (d tableData) len() int {
	if d.view == nil {
		return 0
	}
	return d.view.Len()
}

// Table is the entry table: one row per entry of the view, of which only the
// rows on screen are loaded and drawn.
type Table struct {
	keys    *KeyMap
	styles  *theme.Styles
	width   int
	height  int
	cursor  int   // row index in the view
	top     int   // first row on screen
	off     []int // the columns scrolled off to the left, in the order they went
	tab     Tab
	focused bool
	cache   *entryCache
	levels  *levelCells // styled level cells; the styles never change
	data    tableData
}

// NewTable returns an empty table.
func NewTable(keys *KeyMap, styles *theme.Styles) Table {
	return Table{keys: keys, styles: styles, cache: newEntryCache(), levels: newLevelCells(), focused: true}
}

// SetSize sets the table's outer size, header line included.
func (t *Table) SetSize(w, h int) {
	if max(w, 0) != t.width {
		t.off = nil // another width fits other columns: start again from the left
	}
	t.width, t.height = max(w, 0), max(h, 0)
	t.clamp()
}

// SetTab switches the columns to a tab's, scrolled back to the left.
func (t *Table) SetTab(tab Tab) { t.tab, t.off = tab, nil }

// withData returns the table drawing from d.
func (t Table) withData(d tableData) Table {
	t.data = d
	t.clamp()
	return t
}

// pageRows is how many entry rows fit under the header; a table one line
// high has no header, only the cursor's row.
func (t *Table) pageRows() int {
	if t.height < 2 {
		return 1
	}
	return t.height - 1
}

// hasHeader reports whether the column titles fit above the rows.
func (t *Table) hasHeader() bool { return t.height >= 2 }

// Cursor returns the cursor's row index.
func (t Table) Cursor() int { return t.cursor }

// AtEnd reports whether the cursor is on the newest row.
func (t Table) AtEnd() bool { return t.cursor >= t.data.len()-1 }

// CursorSeq returns the Seq under the cursor, or 0 when the view is empty.
func (t Table) CursorSeq() int64 {
	if t.cursor < 0 || t.cursor >= t.data.len() {
		return 0
	}
	return t.data.view.At(t.cursor)
}

// MoveTo puts the cursor on row i (clamped) and scrolls it into sight.
func (t *Table) MoveTo(i int) {
	t.cursor = i
	t.clamp()
}

// MoveNearTop puts the cursor on row i with context rows above it on
// screen (fewer at the start of the view, and the view's last page stays
// full), so that what follows the row is in sight.
func (t *Table) MoveNearTop(i, context int) {
	t.cursor, t.top = i, i-context
	t.clamp()
}

// MoveBy moves the cursor n rows down (up when negative).
func (t *Table) MoveBy(n int) { t.MoveTo(t.cursor + n) }

// ShiftUp follows rows removed from the top of the view (evicted entries).
func (t *Table) ShiftUp(n int) {
	t.cursor -= n
	t.top -= n
	t.clamp()
}

// clamp keeps cursor and top inside the view and the cursor on screen.
func (t *Table) clamp() {
	n := t.data.len()
	t.cursor = min(max(t.cursor, 0), max(n-1, 0))
	rows := t.pageRows()
	if t.cursor < t.top {
		t.top = t.cursor
	}
	if t.cursor >= t.top+rows {
		t.top = t.cursor - rows + 1
	}
	t.top = min(max(t.top, 0), max(n-rows, 0))
}

// Update moves the cursor on the movement keys.
func (t Table) Update(msg tea.Msg) (Table, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return t, nil
	}
	k, page := t.keys, t.pageRows()
	switch {
	case key.Matches(km, k.Up):
		t.MoveBy(-1)
	case key.Matches(km, k.Down):
		t.MoveBy(1)
	case key.Matches(km, k.PageUp):
		t.MoveBy(-page)
	case key.Matches(km, k.PageDown):
		t.MoveBy(page)
	case key.Matches(km, k.HalfUp):
		t.MoveBy(-page / 2)
	case key.Matches(km, k.HalfDown):
		t.MoveBy(page / 2)
	case key.Matches(km, k.Top):
		t.MoveTo(0)
	case key.Matches(km, k.Bottom):
		t.MoveTo(t.data.len() - 1)
	case key.Matches(km, k.Right):
		t.scrollRight()
	case key.Matches(km, k.Left):
		t.scrollLeft()
	}
	return t, nil
}

// View draws the header and the rows on screen.
func (t Table) View() string {
	if t.width <= 0 || t.height <= 0 {
		return ""
	}
	rows := t.visibleRows()
	cols, widths := t.layout(rows)
	lines := make([]string, 0, t.height)
	if t.hasHeader() {
		lines = append(lines, t.headerLine(rows, cols, widths))
	}
	if t.data.len() == 0 {
		lines = append(lines, t.styles.Dim.Render(theme.Fit("  (no entries match)", t.width)))
	}
	for _, r := range rows {
		lines = append(lines, t.rowLine(r, cols, widths))
	}
	for len(lines) < t.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:t.height], "\n")
}
