package export

import (
	"strings"

	"connlog/model"
)

// pairTurns is what a Sink's Writer asks for pairs. It hides the
// tracker's Observe (the Sink shows the tracker every entry read, the
// Writer would show it only those written), and answers for an entry as
// the tracker did when the Sink took it. A stream's tracker answers from
// what it has read so far, and a Writer may write an entry later: a
// redacted export writes a record once it ends, after the next entry is
// read, and the tracker would then tell an establishment of its close, or
// a close of nothing once it forgot the connection.
type pairTurns struct {
	tracker *model.PairTracker
	// held[next:] are the answers for the entries taken and not yet asked
	// of, in the order taken (the order written): a Writer holds a few
	// records.
	held []pairTurn
	next int
}

// pairTurn is the tracker's answer for the entry numbered seq when it was
// taken.
type pairTurn struct {
	seq  int64
	pair model.Pair
	ok   bool
}

// maxHeldTurns bounds the answers kept: a Writer that never asks of some
// entries (a CSV of other kinds skips them) must not make them pile up.
// An entry whose answer was dropped is answered as the tracker answers
// then. A redacted export holds at most a few thousand entries.
const maxHeldTurns = 1 << 16

// remember keeps the tracker's answer for e, which the Sink writes next
// and the tracker has just been shown. Only connection events and
// sessions are paired.
func (p *pairTurns) remember(e *model.Entry) {
	if e.Kind != model.KindAnalytics && e.Kind != model.KindSession {
		return
	}
	if p.next > 0 && 2*p.next >= len(p.held) {
		p.dropBefore(p.next) // the answers asked of go
	}
	if len(p.held) == maxHeldTurns {
		p.dropBefore(maxHeldTurns / 2)
	}
	pair, ok := p.tracker.PairOf(e)
	// The id is the entry's own text, which keeps the whole block of lines
	// it was read from alive while the answer is held: a copy holds only
	// the id.
	pair.ID = strings.Clone(pair.ID)
	p.held = append(p.held, pairTurn{seq: e.Seq, pair: pair, ok: ok})
}

// dropBefore forgets the answers held[:i], leaving none behind in the
// array past its length.
func (p *pairTurns) dropBefore(i int) {
	n := copy(p.held, p.held[i:])
	clear(p.held[n:])
	p.held = p.held[:n]
	p.next = max(p.next-i, 0)
}

// PairOf implements model.PairFinder: the answer kept for e when it was
// taken, else the tracker's. Entries are asked of in the order taken, so
// answers for entries before e will not be asked for again.
func (p *pairTurns) PairOf(e *model.Entry) (model.Pair, bool) {
	for p.next < len(p.held) && p.held[p.next].seq < e.Seq {
		p.next++
	}
	if p.next < len(p.held) && p.held[p.next].seq == e.Seq {
		return p.held[p.next].pair, p.held[p.next].ok
	}
	return p.tracker.PairOf(e)
}
