package exportdialog

import (
	"time"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/theme"
)

// evictedFrom is what the memory budget cost an export of rows, taken
// with s: the older lines evicted before them, for a scope that reaches
// back to them (the filtered view, or a window that opens before the
// oldest line held), or rows the user picked that begin with the front gap
// which tells of them (a selection or marked rows from the first row on).
// It is the zero Eviction for rows picked among the lines held alone, or
// when nothing was evicted.
func (src *Source) evictedFrom(s Settings, rows Rows) model.Eviction {
	if src.Snapshot == nil {
		return model.Eviction{}
	}
	ev := src.Snapshot.Eviction()
	switch {
	case !s.Scope.grows():
		if !startsWithGap(rows, ev) {
			return model.Eviction{}
		}
	case s.Scope == ScopeWindow:
		if from, _, err := src.window(s); err != nil || !from.IsZero() && !from.Before(ev.Before) {
			return model.Eviction{}
		}
	}
	return ev
}

// withoutFrontGap takes the store's front gap out of rows (it stands first
// when selected) for a format that cannot hold it: the result says what it
// said, rather than count it among the entries the format left out. held
// reports that the gap stays, written as an entry the format holds, which
// the result does not count as one of the input's.
func withoutFrontGap(rows Rows, ev model.Eviction, f export.Format) (out Rows, held bool) {
	switch {
	case !startsWithGap(rows, ev):
		return rows, false
	case !f.HoldsMarkers():
		return rows.From(1), false
	}
	return rows, true
}

// startsWithGap reports whether rows begin with the store's front gap.
func startsWithGap(rows Rows, ev model.Eviction) bool {
	return ev.GapSeq != 0 && rows.Len() > 0 && rows.At(0) == ev.GapSeq
}

// inputEntries is how many of rows are entries of the input: the front
// gap, said apart, is not one.
func inputEntries(rows Rows, ev model.Eviction) int64 {
	if startsWithGap(rows, ev) {
		return int64(rows.Len() - 1)
	}
	return int64(rows.Len())
}

// evictedLine says, with the result, that the export is not all of the
// input: the lines the budget evicted are not in it.
func evictedLine(ev model.Eviction, loc *time.Location) string {
	return theme.EvictedClause(ev, loc) + " and are not in it"
}
