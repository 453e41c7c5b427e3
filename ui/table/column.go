package table

import (
	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// colKind marks the columns the table draws itself rather than through a
// cell function.
type colKind uint8

const (
	colText  colKind = iota // cell() gives the text
	colTime                 // the entry time, with the date when it changes
	colLevel                // the level, coloured
)

// Column is one column of the table: its title, how wide it may be, and how it
// gets its text from an entry. Widths adapt to the content on screen between
// min and max; the flex column takes what is left. When the terminal is too
// narrow, columns with the lowest prio are dropped first.
type Column struct {
	title    string
	kind     colKind
	min, max int
	flex     bool
	right    bool
	prio     int
	cell     func(e *model.Entry) string
	// marked, when set, gives the cell's text with the parts of it that
	// field terms matched (see WithMarks); cell is then its text alone.
	marked func(e *model.Entry, marks []query.FieldMark) theme.Marked
	// head, when set, gives the start of cell's text, about limit bytes
	// of it, already clean, and whether that is all of it (see WithHead).
	head    func(e *model.Entry, limit int) (text string, whole bool)
	idx     int  // position in the tab's column list, set by layout
	varying bool // shown only while the rows on screen differ in it
	// namesBlank marks the column that shows a text line's message: a line
	// of spaces, or an empty one, is named there (theme.BlankNote).
	namesBlank bool
}

// TimeColumn is the entry's time, with the date when it changes from the
// row above (up to 23 cells: a date with its year).
func TimeColumn() Column { return Column{title: "TIME", kind: colTime, min: 12, max: 23, prio: 100} }

// LevelColumn is the entry's level, coloured; prio ranks it among the
// columns dropped first on a narrow terminal.
func LevelColumn(prio int) Column {
	return Column{title: "LVL", kind: colLevel, min: 3, max: 3, prio: prio}
}

// HostColumn is the entry's host. It shows while the rows on screen come
// from more than one host, and always when the entries do or may (a fleet
// read from a log store, a journal of several machines: Data.ManyHosts).
func HostColumn() Column {
	c := Column{title: "HOST", min: 10, max: 24, prio: 85, varying: true}
	return c.WithMarks(func(e *model.Entry, marks []query.FieldMark) theme.Marked {
		return theme.AttrText(e.Origin.HostName(), query.AttrHost, marks)
	})
}

// WithMarks returns the column with its text from marked, which says
// where the values that the filter's and the search's field terms matched
// are in it (host:gw-fra-1 marks the host): only where that is known for
// sure, never the same letters found elsewhere in the cell.
func (c Column) WithMarks(marked func(e *model.Entry, marks []query.FieldMark) theme.Marked) Column {
	c.marked = marked
	c.cell = func(e *model.Entry) string { return marked(e, nil).Text }
	return c
}

// WithHead returns the column with head to build only the start of a
// long cell, what a row can show of it: head(e, limit) is a prefix of
// cell(e), made inert (theme.Clean leaves it as it is) unless whole, of
// about limit bytes or more.
func (c Column) WithHead(head func(e *model.Entry, limit int) (text string, whole bool)) Column {
	c.head = head
	return c
}

// uniform reports whether the rows on screen hold at most one distinct
// non-empty text in column c (an entry without a host is no second host).
func uniform(rows []visibleRow, c int) bool {
	first := ""
	for _, r := range rows {
		if r.cells == nil || r.separator() || r.cells[c] == "" {
			continue
		}
		if first != "" && r.cells[c] != first {
			return false
		}
		first = r.cells[c]
	}
	return true
}

// TextColumn is text from cell, between lo and hi cells wide.
func TextColumn(title string, lo, hi, prio int, cell func(e *model.Entry) string) Column {
	return Column{title: title, min: lo, max: hi, prio: prio, cell: cell}
}

// NumColumn is a right-aligned number (bytes, durations): never cut, so its
// minimum holds "23.4KB" and "50m34s".
func NumColumn(title string, prio int, cell func(e *model.Entry) string) Column {
	return Column{title: title, min: 6, max: 8, right: true, prio: prio, cell: cell}
}

// FlexColumn takes the width the other columns leave, at least lo.
func FlexColumn(title string, lo, prio int, cell func(e *model.Entry) string) Column {
	return Column{title: title, min: lo, max: 1 << 20, flex: true, prio: prio, cell: cell}
}

// NamingBlankLines returns the column with a text line of spaces only, or
// an empty one, named in it, dim, rather than drawn as a blank cell.
func (c Column) NamingBlankLines() Column {
	c.namesBlank = true
	return c
}

// blankNote is what the column shows of e instead of its blank cell, ""
// when it shows the cell.
func (c Column) blankNote(e *model.Entry) string {
	if !c.namesBlank || e.Kind != model.KindText {
		return ""
	}
	return theme.BlankNote(e, e.Message())
}

// Title is the column's title in the header.
func (c Column) Title() string { return c.title }

// Varying reports whether the column shows only while the rows on screen
// differ in it.
func (c Column) Varying() bool { return c.varying }
