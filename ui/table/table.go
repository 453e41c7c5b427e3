package table

import (
	"cmp"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// Data is what the table draws from; the root model hands it a fresh
// one before every update and render.
type Data struct {
	Snapshot *model.Snapshot
	View     *model.View
	Terms    []query.Finder // what the filter and the search match, to highlight
	// Queries are the filter and the search, whose field terms mark the
	// values they matched in the columns that show them (WithMarks).
	Queries  []*query.Query
	Location *time.Location
	// Year is the current year: a row of another year shows it in its
	// date, as 12-06 alone reads as this year's. 0 shows no year.
	Year int
	// Now is the clock: rows of another day than its own say their day on
	// every screen (see datesEveryScreen). Zero says nothing of the day.
	Now     time.Time
	Marks   map[int64]bool
	SelFrom int64 // the visual range, as Seqs; 0 when none
	SelTo   int64
	// Empty says why the view has no rows; "(no entries match)" when unset.
	Empty string
	// ManyHosts says the entries come, or may come, from several hosts
	// (model.Snapshot.ManyHosts, a fleet): the HOST column then shows
	// even while the rows on screen are all one host's, so that no row
	// loses its host.
	ManyHosts bool
}

// len returns the number of rows.
func (d Data) len() int {
	if d.View == nil {
		return 0
	}
	return d.View.Len()
}

// Model is the entry table: one row per entry of the view, of which only the
// rows on screen are loaded and drawn.
type Model struct {
	keys    Bindings
	styles  *theme.Styles
	width   int
	height  int
	cursor  int      // row index in the view
	top     int      // first row on screen
	off     []int    // the columns scrolled off to the left, in the order they went
	cols    []Column // in display order
	focused bool
	cache   *entryCache
	levels  *levelCells // styled level cells; the styles never change
	data    Data
}

// New returns an empty table.
func New(keys Bindings, styles *theme.Styles) Model {
	return Model{keys: keys, styles: styles, cache: newEntryCache(), levels: newLevelCells(), focused: true}
}

// SetSize sets the table's outer size, header line included.
func (t *Model) SetSize(w, h int) {
	if max(w, 0) != t.width {
		t.off = nil // another width fits other columns: start again from the left
	}
	t.width, t.height = max(w, 0), max(h, 0)
	t.clamp()
}

// SetColumns switches the columns (a tab's), scrolled back to the left.
func (t *Model) SetColumns(cols []Column) { t.cols, t.off = cols, nil }

// SetFocused says whether the table has the keyboard: its cursor is drawn
// dimmer when it has not.
func (t *Model) SetFocused(f bool) { t.focused = f }

// StylesChanged drops the level cells drawn with the styles before.
func (t *Model) StylesChanged() { t.levels = newLevelCells() }

// WithData returns the table drawing from d.
func (t Model) WithData(d Data) Model {
	t.data = d
	t.clamp()
	return t
}

// pageRows is how many entry rows fit under the header; a table one line
// high has no header, only the cursor's row.
func (t *Model) pageRows() int {
	if t.height < 2 {
		return 1
	}
	return t.height - 1
}

// hasHeader reports whether the column titles fit above the rows.
func (t *Model) hasHeader() bool { return t.height >= 2 }

// Top returns the index of the first row on screen.
func (t Model) Top() int { return t.top }

// Entry returns entry seq loaded in full from sn, through the cache of
// the rows on screen; nil when the store no longer holds it.
func (t Model) Entry(sn *model.Snapshot, seq int64) *model.Entry { return t.cache.get(sn, seq) }

// Cursor returns the cursor's row index.
func (t Model) Cursor() int { return t.cursor }

// AtEnd reports whether the cursor is on the newest row.
func (t Model) AtEnd() bool { return t.cursor >= t.data.len()-1 }

// CursorSeq returns the Seq under the cursor, or 0 when the view is empty.
func (t Model) CursorSeq() int64 {
	if t.cursor < 0 || t.cursor >= t.data.len() {
		return 0
	}
	return t.data.View.At(t.cursor)
}

// MoveTo puts the cursor on row i (clamped) and scrolls it into sight.
func (t *Model) MoveTo(i int) {
	t.cursor = i
	t.clamp()
}

// MoveNearTop puts the cursor on row i with context rows above it on
// screen (fewer at the start of the view, and the view's last page stays
// full), so that what follows the row is in sight.
func (t *Model) MoveNearTop(i, context int) {
	t.cursor, t.top = i, i-context
	t.clamp()
}

// MoveBy moves the cursor n rows down (up when negative).
func (t *Model) MoveBy(n int) { t.MoveTo(t.cursor + n) }

// ShiftUp follows rows removed from the top of the view (evicted entries).
func (t *Model) ShiftUp(n int) {
	t.cursor -= n
	t.top -= n
	t.clamp()
}

// clamp keeps cursor and top inside the view and the cursor on screen.
func (t *Model) clamp() {
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
func (t Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return t, nil
	}
	k, page := t.keys.TableKeys(), t.pageRows()
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
func (t Model) View() string {
	if t.width <= 0 || t.height <= 0 {
		return ""
	}
	rows := t.visibleRows()
	cols, widths := t.layout(rows)
	tellApart(rows, cols, widths)
	lines := make([]string, 0, t.height)
	if t.hasHeader() {
		lines = append(lines, t.headerLine(rows, cols, widths))
	}
	if t.data.len() == 0 {
		lines = append(lines, t.emptyLines()...)
	}
	for _, r := range rows {
		lines = append(lines, t.rowLine(r, cols, widths))
	}
	for len(lines) < t.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:t.height], "\n")
}

// emptyLines say why the view is empty, wrapped to the width: an input's
// error with what to do about it is longer than a line.
func (t Model) emptyLines() []string {
	note := theme.Clean(cmp.Or(t.data.Empty, "(no entries match)"))
	var out []string
	for _, l := range theme.Wrap(note, max(t.width-2, 1)) {
		out = append(out, t.styles.Dim.Render(theme.Fit("  "+l, t.width)))
	}
	return out
}

// Height returns the table's outer height, header line included.
func (t Model) Height() int { return t.height }
