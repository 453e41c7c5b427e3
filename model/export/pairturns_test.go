package export

import (
	"testing"

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
