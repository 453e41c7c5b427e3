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
func (t *PairTracker) Observe(e *Entry) { t.observe(e) }

// ObservePair is Observe, then PairOf: e's connection is read from its
// fields once, not twice (each read is two walks over an event's two dozen
// fields).
func (t *PairTracker) ObservePair(e *Entry) (Pair, bool) {
	id, opens, ends, event := t.observe(e)
	return t.idx.pairOfKey(e.Kind, id, opens, ends, event)
}

// observe is Observe, returning e's connKey.
func (t *PairTracker) observe(e *Entry) (id string, opens, ends bool, event string) {
	if t.ending != "" {
		t.idx.forget(t.ending)
		t.ending = ""
	}
	t.next++
	if e.Seq == 0 {
		e.Seq = t.next
	}
	id, opens, ends, event = connKey(e)
	if ev, ok := connEventOfKey(e, id, opens, ends, event); ok {
		t.idx.addEvent(&ev)
		if ev.ends {
			t.ending = ev.id
		}
	}
	return id, opens, ends, event
}

// PairOf implements PairFinder.
func (t *PairTracker) PairOf(e *Entry) (Pair, bool) { return t.idx.pairOf(e) }

// Open returns how many connections the tracker holds.
func (t *PairTracker) Open() int {
	t.idx.mu.RLock()
	defer t.idx.mu.RUnlock()
	return int(t.idx.count)
}
