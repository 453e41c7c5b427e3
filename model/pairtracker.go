package model

// PairTracker pairs the entries of a stream as they pass, for exports that do
// not go through a store: it knows only what it has seen, so an established
// connection reads as open until its close goes by.
type PairTracker struct {
	idx  connIndex
	next int64
}

// NewPairTracker returns an empty tracker.
func NewPairTracker() *PairTracker { return &PairTracker{idx: newConnIndex()} }

// Observe records e, giving it a Seq if it has none.
func (t *PairTracker) Observe(e *Entry) {
	t.next++
	if e.Seq == 0 {
		e.Seq = t.next
	}
	t.idx.add(e)
}

// PairOf implements PairFinder.
func (t *PairTracker) PairOf(e *Entry) (Pair, bool) { return t.idx.pairOf(e) }
