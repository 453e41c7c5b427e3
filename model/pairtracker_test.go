package model

import (
	"fmt"
	"testing"
	"time"
)

func TestPairTrackerPairsAndForgets(t *testing.T) {
	tr := NewPairTracker()
	for i := 0; i < 1000; i++ {
		id := fmt.Sprint("c", i)
		open := analytics(id, EventEstablished, t0)
		tr.Observe(&open)
		if p, _ := tr.PairOf(&open); !p.Open {
			t.Fatalf("%s: an established connection reads as open until its close: %+v", id, p)
		}
		closed := analytics(id, EventClosed, t0.Add(time.Second))
		tr.Observe(&closed)
		p, _ := tr.PairOf(&closed)
		if p.Partner != open.Seq || !p.PartnerTime.Equal(t0) {
			t.Fatalf("%s: close not paired with its establishment: %+v", id, p)
		}
	}
	still := analytics("left-open", EventEstablished, t0)
	tr.Observe(&still)
	if n := tr.Open(); n != 1 {
		t.Errorf("tracker holds %d connections, want only the one still open", n)
	}
}
