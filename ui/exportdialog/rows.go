package exportdialog

import (
	"iter"

	"connlog/model"
)

// Rows are the entries a plan selects, in order, named without a copy of
// their Seqs: a range of the view's rows, or a list (the marked rows). A
// copy cost 8 bytes a row, 12 MB for a view of 1.5 million rows, made
// again at each new plan (a format or compression typed in the path): past
// a budget of 64 MiB while the export was written.
type Rows struct {
	view   *model.View // nil for a list
	lo, hi int         // the range of the view's rows
	list   []int64
}

// viewRows are the view's rows lo to hi (not included).
func viewRows(v *model.View, lo, hi int) Rows { return Rows{view: v, lo: lo, hi: max(hi, lo)} }

// listRows are the entries seqs, in their order.
func listRows(seqs []int64) Rows { return Rows{list: seqs} }

// Len is how many entries the rows select.
func (r Rows) Len() int {
	if r.view != nil {
		return r.hi - r.lo
	}
	return len(r.list)
}

// At is the Seq of the i-th entry selected.
func (r Rows) At(i int) int64 {
	if r.view != nil {
		return r.view.At(r.lo + i)
	}
	return r.list[i]
}

// From is the rows from the i-th on.
func (r Rows) From(i int) Rows {
	if r.view != nil {
		r.lo = min(r.lo+i, r.hi)
		return r
	}
	r.list = r.list[min(i, len(r.list)):]
	return r
}

// All yields the Seqs in order.
func (r Rows) All() iter.Seq[int64] {
	return func(yield func(int64) bool) {
		for i := range r.Len() {
			if !yield(r.At(i)) {
				return
			}
		}
	}
}
