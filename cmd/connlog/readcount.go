package main

import (
	"connlog/model"
	"connlog/ui/theme"
)

// readCount counts what an export or summary read: its entries, and apart
// from them its gap and restart marks, which are no entries of the log
// (as summary's count and the export dialog's say).
type readCount struct {
	entries, marks int64
}

// add counts es.
func (c *readCount) add(es []model.Entry) {
	for i := range es {
		if es[i].Kind == model.KindGap || es[i].Kind == model.KindBoundary {
			c.marks++
		} else {
			c.entries++
		}
	}
}

// none reports whether nothing at all was read.
func (c readCount) none() bool { return c.entries == 0 && c.marks == 0 }

// String is "9 entries", or "9 entries and 1 gap or restart mark".
func (c readCount) String() string {
	s := theme.Plural(c.entries, "entry")
	if c.marks > 0 {
		s += " and " + theme.Plural(c.marks, "gap or restart mark")
	}
	return s
}
