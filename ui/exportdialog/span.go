package exportdialog

import (
	"time"

	"connlog/model"
	"connlog/model/triage"
)

// rowsSpan is the earliest and latest time among every row an export of
// rows writes, read from the index: lines out of order (a clock stepped
// back, a file read tail first, several files) may put the earliest
// anywhere, where no sample need find it. A time `connlog summary` leaves
// out of its range (see triage.UsableTime) is left out here too, so that
// both state the same range of the same entries; with none the span is zero.
func rowsSpan(sn *model.Snapshot, rows Rows) (first, last time.Time) {
	for i := range rows.Len() {
		seq := rows.At(i)
		if !sn.Has(seq) {
			continue // evicted since: not written
		}
		t := sn.Time(seq)
		if t.IsZero() || !triage.UsableTime(t.UnixNano()) {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	return first, last
}
