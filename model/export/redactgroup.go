package export

import (
	"bytes"
	"slices"

	"connlog/model"
)

// maxGroupEntries bounds how many entries of one record are held before
// they are redacted and written. A record's raw line is redacted with the
// personal data of all its entries (a Pangolin response names several
// users), so the entries wait until the record ends; past this many, a
// pathological record is written in parts.
const maxGroupEntries = 4096

// recordGroup holds copies of the entries of the current record until the
// record ends. Then comes the record's turn: what it reveals is learned, in
// the order of the records, and the record is handed to out, which redacts
// it (on this goroutine or another) and emits it, in order.
type recordGroup struct {
	r     *Redactor
	cur   *heldRecord // the record whose entries are coming, nil between records
	out   recordTaker
	emit  func(*model.Entry) error
	words *wordAddrs  // a bundle's query's addresses, nil unless it has some
	terms *queryTerms // a bundle's query's terms kept as typed, nil unless it has some
	pairs *pairMemo   // the format's pairs, answered at each record's turn; nil unless redacting concurrently
}

// recordTaker redacts and emits the records whose turn came, in order.
type recordTaker interface {
	// slot returns an empty record to fill.
	slot() *heldRecord
	// concurrent reports whether records are redacted after later records'
	// turns, so that each must be redacted with what was known at its own.
	concurrent() bool
	// take redacts and emits h, or queues it to be.
	take(h *heldRecord) error
	// drain emits every record taken.
	drain() error
	// stop abandons the records taken and not emitted.
	stop()
}

// add takes a copy of e, after the turn of the record before e's.
func (g *recordGroup) add(e *model.Entry) error {
	if g.cur != nil && (!e.SameRecord(&g.cur.entries[0]) || len(g.cur.entries) >= maxGroupEntries) {
		if err := g.turn(); err != nil {
			return err
		}
	}
	if g.cur == nil {
		g.cur = g.out.slot()
		g.cur.raw = append(g.cur.raw[:0], e.Raw...)
	}
	h := g.cur
	c := *e
	c.Fields = slices.Clone(e.Fields)
	c.Raw = h.raw
	c.Payload = sharedOrCopy(h.raw, e.Payload)
	if e.Origin.Journal != nil {
		jf := *e.Origin.Journal
		c.Origin.Journal = &jf
	}
	h.entries = append(h.entries, c)
	return nil
}

// sharedOrCopy returns p as a slice of raw when raw contains it (the payload
// usually is part of the line), so that many entries of one record do not
// each copy it.
func sharedOrCopy(raw, p []byte) []byte {
	if len(p) == 0 {
		return nil
	}
	if i := bytes.Index(raw, p); i >= 0 {
		return raw[i : i+len(p) : i+len(p)]
	}
	return bytes.Clone(p)
}

// flush ends the held record and emits every record taken: the export is
// flushed or closed.
func (g *recordGroup) flush() error {
	if g.cur != nil {
		if err := g.turn(); err != nil {
			return err
		}
	}
	return g.out.drain()
}

// turn learns what the held record reveals and hands it to out.
// Learned as records pass too: without a first pass (see Learn), the
// records after this one lose its values all the same (an audit event's
// EXECVE, CWD and PATH records the name its SYSCALL record gave).
func (g *recordGroup) turn() error {
	h := g.cur
	h.set.reset()
	for i := range h.entries {
		h.set.learn(g.r, &h.entries[i])
		h.set.learnHost(g.r, &h.entries[i].Origin)
	}
	h.set.sort()
	upto, err := g.r.known.add(h.set.items)
	if err != nil {
		// The records before this one are written, as they were before
		// its turn came.
		if derr := g.out.drain(); derr != nil {
			return derr
		}
		return err
	}
	h.r = *g.r
	if g.out.concurrent() {
		h.r = g.r.asOf(upto)
	}
	if g.pairs != nil {
		g.pairs.answerAll(h)
	}
	g.cur = nil
	return g.out.take(h)
}

// emitRecord emits the entries of h, redacted, and shows them to what
// follows the bundle's query.
func (g *recordGroup) emitRecord(h *heldRecord) error {
	if g.words != nil {
		g.words.observe(string(h.raw), h.red)
	}
	for i := range h.entries {
		e := &h.entries[i]
		if g.terms != nil {
			g.terms.observe(&h.r, &h.origs[i], e, &h.set)
		}
		if g.pairs != nil {
			g.pairs.hold(e, h.pairs, i)
		}
		if err := g.emit(e); err != nil {
			return err
		}
	}
	h.release()
	return nil
}

// serialRedaction redacts and emits each record at its turn, on the
// writer's goroutine.
type serialRedaction struct {
	g   *recordGroup
	rec heldRecord
}

func (s *serialRedaction) slot() *heldRecord { return &s.rec }
func (s *serialRedaction) concurrent() bool  { return false }
func (s *serialRedaction) drain() error      { return nil }
func (s *serialRedaction) stop()             {}

func (s *serialRedaction) take(h *heldRecord) error {
	h.redact(s.g.terms != nil)
	return s.g.emitRecord(h)
}
