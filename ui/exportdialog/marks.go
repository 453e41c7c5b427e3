package exportdialog

import (
	"slices"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/theme"
)

// markRows counts the gap and restart rows among rows, the store's front
// gap apart (evictedLine says it): they say what happened between the
// lines and are no entries of the input, which the counts say apart.
func (src *Source) markRows(rows Rows, ev model.Eviction) int64 {
	if src.Snapshot == nil {
		return 0
	}
	var n int64
	for seq := range rows.All() {
		if k := src.Snapshot.Kind(seq); (k == model.KindGap || k == model.KindBoundary) && seq != ev.GapSeq {
			n++
		}
	}
	return n
}

// holdsMarks reports whether an export with s writes gap and restart
// rows: raw holds lines only, and a CSV of a tab's kinds only those kinds.
func (src *Source) holdsMarks(s Settings) bool {
	switch {
	case !s.Format.HoldsMarkers():
		return false
	case s.Format != export.FormatCSV || src.Kinds == nil:
		return true
	}
	return slices.Contains(src.Kinds, model.KindGap) || slices.Contains(src.Kinds, model.KindBoundary)
}

// marksClause says the gap and restart rows of an export, after its count
// of entries: written beside them, or left out by the format.
func marksClause(marks int64, holds bool) string {
	switch {
	case marks == 0:
		return ""
	case holds:
		return " and " + marksText(marks)
	}
	return " (" + marksText(marks) + " left out: the format cannot hold them)"
}

// marksText is "1 gap or restart mark" or "3 gap or restart marks".
func marksText(n int64) string {
	if n == 1 {
		return "1 gap or restart mark"
	}
	return theme.Commas(n) + " gap or restart marks"
}

// planEntries is how many entries of the input the plan's rows hold: its
// marks and the store's front gap are none.
func (d Model) planEntries() int64 {
	return inputEntries(d.plan.Seqs, d.src.evictedFrom(d.set, d.plan.Seqs)) - d.plan.Marks
}

// writtenEntries is how many entries of the input a write has put down so
// far: neither the marks it wrote nor the rows the format left out.
func writtenEntries(p *export.Progress) int64 { return p.Entries() - p.Skipped() - p.Marks() }

// resultText says what a write put down: its entries, and its marks apart.
func resultText(r export.Stats) string {
	return entriesText(r.Entries-r.Skipped-r.Marks) + marksClause(r.Marks, true)
}
