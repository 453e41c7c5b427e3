package export

import "connlog/model"

// pairMemo is the pair finder a format asks while records are redacted
// concurrently. The format writes an entry's pair as the finder answers it
// when the entry is written, and a stream's tracker answers from what it
// has seen (an established connection is open until its close goes by):
// a record written after later records' turns would be told of their
// entries. So each entry's pair is asked at its record's turn, when a
// record redacted at once would have been written, and the answer is
// given to the format when it writes the entry.
type pairMemo struct {
	finder model.PairFinder
	held   *model.Entry // the entry being written
	answer pairAnswer   // its pair as asked at its record's turn
}

// pairAnswer is what a finder answered for an entry.
type pairAnswer struct {
	asked bool // false for an entry of a kind no pair is found for
	pair  model.Pair
	ok    bool
}

// pairKeys are the fields a finder pairs an entry by (model's connKey):
// the connection or session id and the event or phase.
var pairKeys = [...]string{model.KeyConnID, model.KeyEventType, model.KeySessionID, model.KeyPhase}

// answerAll asks the finder for the pairs of h's entries, as it would be
// asked for each when written: redacted. Redaction has not run yet, so the
// finder is shown a copy of each entry holding only the fields it pairs
// by, redacted as the entry's will be (a field's redaction depends on no
// other field of these). An entry of a kind no pair is found for is
// answered, without a turn's state, when it is written.
func (m *pairMemo) answerAll(h *heldRecord) {
	h.pairs = h.pairs[:0]
	for i := range h.entries {
		e := &h.entries[i]
		if e.Kind != model.KindAnalytics && e.Kind != model.KindSession {
			h.pairs = append(h.pairs, pairAnswer{})
			continue
		}
		probe := *e
		probe.Fields = make(model.Fields, 0, len(pairKeys))
		for _, key := range pairKeys {
			if j := fieldIndex(e.Fields, key); j >= 0 {
				f := e.Fields[j]
				redactField(&h.r, e, &f, &h.set)
				probe.Fields = append(probe.Fields, f)
			}
		}
		p, ok := m.finder.PairOf(&probe)
		h.pairs = append(h.pairs, pairAnswer{asked: true, pair: p, ok: ok})
	}
}

// fieldIndex is the index of the first field of fs named key (the one
// Fields.Value reads), or -1.
func fieldIndex(fs model.Fields, key string) int {
	for i := range fs {
		if fs[i].Key == key {
			return i
		}
	}
	return -1
}

// hold makes answers[i] the answer for e, which is written next.
func (m *pairMemo) hold(e *model.Entry, answers []pairAnswer, i int) {
	m.held, m.answer = e, answers[i]
}

// PairOf implements model.PairFinder.
func (m *pairMemo) PairOf(e *model.Entry) (model.Pair, bool) {
	if e == m.held && m.answer.asked {
		return m.answer.pair, m.answer.ok
	}
	return m.finder.PairOf(e)
}
