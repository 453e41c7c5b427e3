package export

import (
	"fmt"
	"testing"
	"unsafe"

	"connlog/model"
)

// A Writer that never asks of the entries taken (a CSV of other kinds)
// does not make their answers pile up; one that asks answers as when each
// was taken, though the tracker read on.
func TestPairTurns(t *testing.T) {
	tr := model.NewPairTracker()
	p := &pairTurns{tracker: tr}
	event := func(id, ev string) *model.Entry {
		return &model.Entry{Kind: model.KindAnalytics, Fields: model.Fields{model.Str(model.KeyConnID, id), model.Str(model.KeyEventType, ev)}}
	}
	for i := range 3 * maxHeldTurns {
		e := event("c", model.EventEstablished)
		tr.Observe(e)
		p.remember(e)
		if len(p.held) > maxHeldTurns {
			t.Fatalf("after %d entries never asked of, %d answers held", i+1, len(p.held))
		}
	}
	opened, closed := event("x", model.EventEstablished), event("x", model.EventClosed)
	tr.Observe(opened)
	p.remember(opened)
	tr.Observe(closed)
	p.remember(closed)
	tr.Observe(event("y", model.EventEstablished)) // the tracker forgets x
	if pair, ok := p.PairOf(opened); !ok || pair.Partner != 0 || !pair.Open {
		t.Errorf("the establishment, asked after its close was read: %+v, %v; want open, no partner", pair, ok)
	}
	if pair, ok := p.PairOf(closed); !ok || pair.Partner != opened.Seq {
		t.Errorf("the close, asked after the tracker forgot it: %+v, %v; want partner %d", pair, ok, opened.Seq)
	}
}

// A Writer that asks of each entry as it is written, as a plain export's
// does, leaves no more than the last answer or two held, and a held answer
// does not share the entry's text: the id of an event read from a file
// lies in a block of many lines, which a held answer would keep alive (an
// ndjson export of 3,651 events from a 1 GiB file held 590 MB so).
func TestPairTurnsAskedInTurnHoldLittle(t *testing.T) {
	tr := model.NewPairTracker()
	p := &pairTurns{tracker: tr}
	for i := range 10_000 {
		block := []byte(fmt.Sprintf("conn-%d and the rest of the block", i))
		id := unsafe.String(&block[0], len(fmt.Sprintf("conn-%d", i)))
		e := &model.Entry{Kind: model.KindAnalytics, Fields: model.Fields{model.Str(model.KeyConnID, id), model.Str(model.KeyEventType, model.EventEstablished)}}
		tr.Observe(e)
		p.remember(e)
		last := p.held[len(p.held)-1]
		if last.pair.ID != id || unsafe.StringData(last.pair.ID) == unsafe.StringData(id) {
			t.Fatalf("entry %d: the answer held names %q at %p, want a copy of %q (at %p)", i, last.pair.ID, unsafe.StringData(last.pair.ID), id, unsafe.StringData(id))
		}
		if pair, ok := p.PairOf(e); !ok || pair.ID != id {
			t.Fatalf("entry %d: asked, answered %+v, %v", i, pair, ok)
		}
		if len(p.held) > 2 {
			t.Fatalf("after %d entries each asked of in turn, %d answers held", i+1, len(p.held))
		}
	}
	for _, h := range p.held[len(p.held):cap(p.held)] {
		if h.pair.ID != "" {
			t.Fatalf("an answer dropped stays in the array past its length: %+v", h)
		}
	}
}
