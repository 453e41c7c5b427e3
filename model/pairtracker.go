package model

// PairTracker pairs the entries of a stream as they pass, for exports that do
// not go through a store: it knows only what it has seen, so an established
// connection reads as open until its close goes by. It forgets a connection
// once its end has been observed and asked about, so a long-running follow
// holds only the connections still open.
type PairTracker struct {
	idx    connIndex
	next   int64
	ending string // the connection whose end was observed last, forgotten at the next Observe
}

// NewPairTracker returns an empty tracker.
func NewPairTracker() *PairTracker { return &PairTracker{idx: newConnIndex()} }

// Observe records e, giving it a Seq if it has none. Ask PairOf about e
// before observing the next entry.
func (t *PairTracker) Observe(e *Entry) {
	if t.ending != "" {
		t.idx.forget(t.ending)
		t.ending = ""
	}
	t.next++
	if e.Seq == 0 {
		e.Seq = t.next
	}
	t.idx.add(e)
	if id, _, ends, _ := connKey(e); ends {
		t.ending = id
	}
}

// PairOf implements PairFinder.
func (t *PairTracker) PairOf(e *Entry) (Pair, bool) { return t.idx.pairOf(e) }

// Open returns how many connections the tracker holds.
func (t *PairTracker) Open() int {
	t.idx.mu.RLock()
	defer t.idx.mu.RUnlock()
	return int(t.idx.count)
}
