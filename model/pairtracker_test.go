package model

import (
	"fmt"
	"strings"
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

// TestObservePairIsObserveThenPairOf holds ObservePair to Observe followed
// by PairOf over a stream of every kind of connection event: closes before
// their establishments, failures, duplicates, sessions, ids too long to
// index, events without an id, and lines of other kinds between them.
func TestObservePairIsObserveThenPairOf(t *testing.T) {
	session := func(id, phase string) Entry {
		return Entry{Time: t0, Kind: KindSession, Fields: Fields{Str(KeySessionID, id), Str(KeyPhase, phase)}}
	}
	long := strings.Repeat("x", maxConnIDLen+1)
	var stream []Entry
	for i := range 40 {
		id := fmt.Sprint("c", i%13)
		at := t0.Add(time.Duration(i) * time.Second)
		switch i % 8 {
		case 0, 3:
			stream = append(stream, analytics(id, EventEstablished, at))
		case 1:
			stream = append(stream, analytics(id, EventClosed, at))
		case 2:
			stream = append(stream, analytics(id, EventFailed, at), analytics(long, EventClosed, at))
		case 4:
			stream = append(stream, session(id, "START"), service("between", at))
		case 5:
			stream = append(stream, session(id, "END"), analytics("", EventClosed, at))
		case 6:
			stream = append(stream, analytics(id, EventDenied, at), session(long, "END"))
		default:
			stream = append(stream, analytics(id, "unknown_event", at), analytics(long, EventEstablished, at))
		}
	}
	a, b := NewPairTracker(), NewPairTracker()
	for i := range stream {
		ea, eb := stream[i], stream[i]
		got, gotOK := a.ObservePair(&ea)
		b.Observe(&eb)
		want, wantOK := b.PairOf(&eb)
		if got != want || gotOK != wantOK || ea.Seq != eb.Seq {
			t.Fatalf("entry %d (%v %s): ObservePair gave %+v, %v (Seq %d); Observe then PairOf %+v, %v (Seq %d)",
				i, ea.Kind, ea.Fields.Value(KeyEventType), got, gotOK, ea.Seq, want, wantOK, eb.Seq)
		}
	}
	if a.Open() != b.Open() {
		t.Fatalf("ObservePair's tracker holds %d connections, the other %d", a.Open(), b.Open())
	}
}
