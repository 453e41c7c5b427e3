package model

// Subset returns a view of the entries of v that keep accepts, in the same
// order: a part of a view to load in full (a time window of it, chosen from
// the index) without loading the rest. It is not extended as entries
// arrive; keep is called once per entry, on the caller's goroutine.
func (v *View) Subset(keep func(seq int64) bool) *View {
	out := &View{low: v.low, next: v.next, gapWrites: v.gapWrites}
	for i := range v.Len() {
		if seq := v.At(i); keep(seq) {
			out.seqs.push(seq)
		}
	}
	return out
}
