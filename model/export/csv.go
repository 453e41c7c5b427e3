package export

import (
	"bufio"
	"encoding/csv"

	"connlog/model"
	"connlog/model/inert"
)

// csvLayout is the header of one CSV and, per kind, where each of the kind's
// columns goes in it (-1 for a kind the CSV does not hold).
type csvLayout struct {
	header []string
	kinds  [][]int // kind -> its columns' positions in header
	kindAt int     // position of the "kind" column, -1 when there is none
	hostAt int     // position of the "host" column, -1 when there is none
}

// newCSVLayout lays out the columns for kinds: one kind alone, or the union
// of several (all when kinds is empty) after a leading "kind" column.
func newCSVLayout(kinds []model.Kind) csvLayout {
	if len(kinds) == 1 && kinds[0] < model.Kind(len(kindColumns)) {
		return singleLayout(kinds[0])
	}
	if len(kinds) == 0 {
		kinds = model.Kinds()
	}
	want := make([]bool, len(kindColumns))
	for _, k := range kinds {
		if int(k) < len(want) {
			want[k] = true
		}
	}
	l := csvLayout{header: []string{"kind"}, kinds: make([][]int, len(kindColumns)), kindAt: 0}
	pos := map[string]int{}
	for k, cols := range kindColumns {
		if !want[k] {
			continue
		}
		for _, c := range cols {
			p, ok := pos[c.name]
			if !ok {
				p = len(l.header)
				pos[c.name] = p
				l.header = append(l.header, c.name)
			}
			l.kinds[k] = append(l.kinds[k], p)
		}
	}
	return l
}

func singleLayout(k model.Kind) csvLayout {
	l := csvLayout{kinds: make([][]int, len(kindColumns)), kindAt: -1}
	cols := kindColumns[k]
	switch k {
	case model.KindSession:
		cols = sessionColumns // Pangolin's export, column for column
	case model.KindAnalytics:
		cols = analyticsColumns // the console's, then what it leaves out
	}
	for i, c := range cols {
		l.header = append(l.header, c.name)
		l.kinds[k] = append(l.kinds[k], i)
	}
	return l
}

// csvWriter writes RFC 4180 rows of safe cells (see csvCell).
type csvWriter struct {
	w      *bufio.Writer
	cw     *csv.Writer
	layout csvLayout
	names  sourceNames
	pairs  model.PairFinder
	cells  []string
	header bool
}

func newCSVWriter(w *bufio.Writer, opts Options) *csvWriter {
	l := newCSVLayout(opts.Kinds)
	l.hostAt = -1
	if opts.Hosts {
		l.hostAt = len(l.header)
		l.header = append(l.header, "host")
	}
	return &csvWriter{w: w, cw: csv.NewWriter(w), layout: l, names: newSourceNames(opts.Sources),
		pairs: opts.Pairs, cells: make([]string, len(l.header))}
}

func (c *csvWriter) writeHeader() error {
	c.header = true
	if err := c.cw.Write(c.layout.header); err != nil {
		return writeError("write csv header", err)
	}
	return nil
}

func (c *csvWriter) write(e *model.Entry) (bool, error) {
	if !c.header {
		if err := c.writeHeader(); err != nil {
			return true, err
		}
	}
	if int(e.Kind) >= len(c.layout.kinds) || c.layout.kinds[e.Kind] == nil {
		return false, nil
	}
	clear(c.cells)
	if c.layout.kindAt >= 0 {
		c.cells[c.layout.kindAt] = e.Kind.String()
	}
	r := row{e: e, names: c.names, pairs: c.pairs}
	// A layout may hold a prefix of the kind's columns (sessions alone).
	for i, at := range c.layout.kinds[e.Kind] {
		c.cells[at] = csvCell(kindColumns[e.Kind][i].value(&r))
	}
	if c.layout.hostAt >= 0 {
		c.cells[c.layout.hostAt] = csvCell(e.Origin.HostName())
	}
	if err := c.cw.Write(c.cells); err != nil {
		return true, writeError("write csv row", err)
	}
	return true, nil
}

// csvCell makes a value from a log line safe to open and to print: its
// control characters and invalid UTF-8 made visible as the text format
// does (so that the file is valid UTF-8, each cell one line, and cat runs
// no escape sequence), then guarded against running as a formula.
func csvCell(s string) string {
	return protectCell(inert.Sanitize(s))
}

// protectCell keeps a spreadsheet from running a cell as a formula: a cell
// that starts with = + - @ tab or CR gets a leading apostrophe.
func protectCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func (c *csvWriter) close() error {
	if !c.header {
		// An export of nothing still says what its columns would have been.
		if err := c.writeHeader(); err != nil {
			return err
		}
	}
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return writeError("write csv", err)
	}
	if err := c.w.Flush(); err != nil {
		return writeError("write csv", err)
	}
	return nil
}

func (c *csvWriter) abort() {}

// addSources implements sourceAdder.
func (c *csvWriter) addSources(infos []SourceInfo) { c.names.add(infos) }
