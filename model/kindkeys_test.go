package model

import (
	"context"
	"math/bits"
	"slices"
	"testing"
	"time"
)

// A view built with a key demand skips entries by kind only when no entry
// of that kind was ever stored with the keys: it holds exactly the entries
// whose loaded fields meet the demand, in every snapshot, as kinds gain
// keys later (a snapshot taken before keeps its own answer) and when
// entries of two kinds have the same fields (the writer's cache of shared
// sets must not let the second kind's keys go unrecorded).
func TestKindKeysNeverHideAMatch(t *testing.T) {
	s := NewStore(StoreOptions{})
	twin := serviceWith(1)
	twin.Kind = KindJSON // the same fields and set as a service line
	s.Append([]Entry{serviceWith(1), serviceWith(2), twin, analytics("c1", EventClosed, t0), service("plain", t0)})
	before := s.Snapshot()
	late := serviceWith(3)
	late.Fields = append(late.Fields, Str(KeyCountry, "DE"))
	s.Append([]Entry{late, analytics("c2", EventEstablished, t0)})
	after := s.Snapshot()

	demands := [][][]string{{{KeyModule}}, {{KeyCountry}}, {{KeyModule}, {KeyFunction}}, {{KeyEventType}}, {{KeyRx}, {KeyUserEmail}},
		{{KeyCountry}, {KeyModule}}, {{"absent"}}}
	for name, sn := range map[string]*Snapshot{"before": before, "after": after} {
		for _, need := range demands {
			v, err := BuildView(context.Background(), sn, Filter{Match: func(*Entry) bool { return true }, Load: LoadIndex, NeedKeys: need})
			if err != nil {
				t.Fatal(err)
			}
			var want []int64
			var e Entry
			for seq := sn.First(); sn.Has(seq); seq++ {
				if err := sn.Load(seq, &e, LoadIndex); err != nil {
					t.Fatal(err)
				}
				if fieldsMeet(e.Fields, need) {
					want = append(want, seq)
				}
			}
			got := make([]int64, v.Len())
			for i := range got {
				got[i] = v.At(i)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s, demand %v: view %v, want %v", name, need, got, want)
			}
		}
	}
	country := [][]string{{KeyCountry}}
	if k := before.keyProbe(Filter{NeedKeys: country}, 1).kinds; k != 0 {
		t.Errorf("before any entry had the key, kinds %b may meet it", k)
	}
	if k := after.keyProbe(Filter{NeedKeys: country}, 1).kinds; k != 1<<KindService {
		t.Errorf("after a service line had the key, kinds %b may meet it, want service alone", k)
	}
}

// The keys recorded for a kind are exactly those of the fields encoded
// for its entries, pseudo-fields included (a template, cursors, a receive
// time in each of its forms, a gap's message): each word's key, read back
// as a reader of the words reads it, for every entry encoded.
func TestKindKeysAreTheKeysEncoded(t *testing.T) {
	var want [kindCount]map[uint32]bool
	onEncoded = func(k Kind, ws []uint32) {
		if want[k] == nil {
			want[k] = map[uint32]bool{}
		}
		w := ws[1:]
		for range int(ws[0]) {
			want[k][keySymbol(w[0])] = true
			w = w[fieldWords(w[0]):]
		}
	}
	defer func() { onEncoded = nil }()
	s := NewStore(StoreOptions{})
	templated := serviceWith(4)
	templated.Template = "quic_session::on_ack: conn=<hex>-<num>"
	late := analytics("c3", EventClosed, t0)
	late.Origin.Received = t0.Add(80 * time.Microsecond) // a packed receive time
	later := service("x", t0)
	later.Origin.Received = t0.Add(2 * time.Second) // a word of its own
	latest := service("y", t0)
	latest.Origin.Received = t0.Add(time.Hour) // an integer
	journal := service("z", t0)
	journal.Origin.Journal = &JournalFields{Cursor: "s=1;i=2", EndCursor: "s=1;i=3", AuditStamp: "audit(1.5:7)", Priority: -1}
	gap := Entry{Time: t0, Kind: KindGap, Level: LevelWarn, Origin: Origin{Offset: -1},
		Fields: Fields{Str(KeyMessage, "lines lost to a rotation"), Str(KeyGapReason, "rotation")}}
	s.Append([]Entry{analytics("c1", EventEstablished, t0), serviceWith(1), templated, late, later, latest, journal, gap,
		analytics("c2", EventFailed, t0), serviceWith(2)})
	for k := range kindCount {
		var got []uint32
		for i, word := range s.kinds.sets[k] {
			for ; word != 0; word &= word - 1 {
				got = append(got, uint32(i*64+bits.TrailingZeros64(word)))
			}
		}
		if len(got) != len(want[k]) {
			t.Errorf("kind %v: %d keys recorded, %d encoded", Kind(k), len(got), len(want[k]))
		}
		for _, sym := range got {
			if !want[k][sym] {
				t.Errorf("kind %v: key %q recorded, never encoded", Kind(k), symAt(s.syms.directory(), sym))
			}
		}
	}
	if len(want[KindService]) < 6 || len(want[KindAnalytics]) < 6 {
		t.Fatalf("keys encoded: %d for service lines, %d for events: the test does not test them", len(want[KindService]), len(want[KindAnalytics]))
	}
}
