package model

import (
	"context"
	"slices"
	"testing"
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
