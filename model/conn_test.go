package model

import (
	"fmt"
	"testing"
	"time"
)

// Connections past the first chunk of records pair as the first do, and
// records freed by forgotten connections are reused without mixing them.
func TestConnectionsPairAcrossRecordChunks(t *testing.T) {
	s := NewStore(StoreOptions{})
	n := 3*connChunkRecords + 5
	opens := make([]Entry, n)
	closes := make([]Entry, n)
	for i := range n {
		opens[i] = analytics(fmt.Sprint("c", i), EventEstablished, t0.Add(time.Duration(i)*time.Millisecond))
		closes[i] = analytics(fmt.Sprint("c", i), EventClosed, t0.Add(time.Hour+time.Duration(i)*time.Millisecond))
	}
	s.Append(opens)
	s.Append(closes)
	for _, i := range []int{0, connChunkRecords - 1, connChunkRecords, n - 1} {
		p, ok := s.PairOf(&opens[i])
		if !ok || p.Partner != closes[i].Seq || p.Open || !p.PartnerTime.Equal(closes[i].Time) || p.PartnerEvent != EventClosed {
			t.Fatalf("connection %d: pair %+v, want partner %d at %v", i, p, closes[i].Seq, closes[i].Time)
		}
	}
	s.conns.forget("c7")
	s.conns.add(&Entry{Seq: 99_999, Kind: KindAnalytics, Time: t0, Fields: Fields{Str(KeyConnID, "new"), Str(KeyEventType, EventEstablished)}})
	if opened, closed, _, _, ok := s.ConnSpan("new"); !ok || opened != 99_999 || closed != 0 {
		t.Errorf("a connection in a reused record: opened %d closed %d (%v)", opened, closed, ok)
	}
	if _, _, _, _, ok := s.ConnSpan("c7"); ok {
		t.Error("a forgotten connection is still found")
	}
	if opened, _, _, _, _ := s.ConnSpan("c8"); opened != opens[8].Seq {
		t.Errorf("c8 opened at %d, want %d", opened, opens[8].Seq)
	}
}
