package remote

import (
	"slices"
	"time"
)

// reorder holds rows of a live tail for a short while and hands them on in
// time order. The store orders rows only within a stream (one host and
// unit); a host whose rows reach it late would otherwise appear out of
// order. The buffer is bounded in time (hold) and in rows (maxRows).
type reorder struct {
	rows    []heldRow
	hold    time.Duration
	maxRows int
}

type heldRow struct {
	row     Row
	arrived time.Time
}

func newReorder(hold time.Duration, maxRows int) *reorder {
	return &reorder{hold: hold, maxRows: maxRows}
}

// add inserts a row, keeping the buffer sorted by time (stable for equal
// times, so a stream's own order survives).
func (o *reorder) add(r Row, now time.Time) {
	i := len(o.rows)
	for i > 0 && o.rows[i-1].row.Time.After(r.Time) {
		i--
	}
	o.rows = slices.Insert(o.rows, i, heldRow{r, now})
}

// release hands on, oldest first, the rows held long enough (all of them
// with all set), and rows beyond the bound.
func (o *reorder) release(now time.Time, all bool, emit func(Row)) {
	n := 0
	for n < len(o.rows) && (all || len(o.rows)-n > o.maxRows || now.Sub(o.rows[n].arrived) >= o.hold) {
		emit(o.rows[n].row)
		n++
	}
	o.rows = slices.Delete(o.rows, 0, n)
}

// len is how many rows are held.
func (o *reorder) len() int { return len(o.rows) }
