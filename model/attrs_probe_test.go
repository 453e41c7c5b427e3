package model

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// probeEntries covers every way a field is stored: small interned values and
// integers, floats, numbers with their own text, unique values in the byte
// arena, and keys whose symbols no longer fit a small word (the thousands of
// distinct keys interned first push them past it).
func probeEntries() []Entry {
	var out []Entry
	event := func(i int) Entry {
		e := analytics(fmt.Sprint("conn-", i), EventClosed, t0)
		e.Fields = append(e.Fields, Str(KeyCountry, "DE"), Str("late.key", strings.Repeat("x", i%70)),
			Float(KeyLat, float64(i)/3), Int(KeyTx, int64(i)<<30))
		return e
	}
	for i := range 50 { // their keys get small symbols: one-word fields
		out = append(out, event(i))
	}
	for i := range 3000 {
		e := service("warm-up", t0)
		e.Fields = append(e.Fields, Str(fmt.Sprintf("k%04d", i), "v"))
		out = append(out, e)
	}
	for i := range 200 {
		out = append(out, event(i), service(fmt.Sprint("line ", i), t0), Entry{Time: t0, Kind: KindText, Origin: Origin{Offset: -1}})
	}
	return out
}

// The probe must say "meets the demand" exactly when a load from the index
// yields, for every group of keys, a field with one of them: never less (a
// view would lose a match), and no more than it must. A load restricted to
// some keys yields exactly those fields of the full load, in order. Both
// hold for entries stored whole and for events split around a shared
// template (a group met by the template, another by the entry's own words),
// whether the probe is fresh or has seen the entries before (a scan's probe
// remembers answers by set and template, in a memo small enough here for
// thousands of sets to collide).
func TestMeetsDemandAgreesWithLoad(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.Append(probeEntries())
	sn := s.Snapshot()
	probes := [][]string{{KeyEventType}, {KeyCountry, KeyModule}, {"late.key"}, {KeyLat}, {KeyTx}, {"k2999"}, {"k0001"},
		{KeyConnID}, {"absent"}, {KeyModule}, {KeyUserEmail, KeyCity}}
	var demands [][][]string
	for _, keys := range probes {
		demands = append(demands, [][]string{keys})
	}
	demands = append(demands, [][]string{{KeyEventType}, {KeyCountry}}, [][]string{{KeyConnID}, {"late.key"}},
		[][]string{{KeyEventType}, {"absent"}}, [][]string{{KeyModule}, {KeyTx}}, [][]string{{KeyLat}, {KeyTx}, {KeyCountry}},
		[][]string{{KeyConnID}, {KeyCity, KeyUserEmail}}, [][]string{{"k0001"}, {KeyModule}})
	scans := make([]keyProbe, len(demands))
	for i, need := range demands {
		scans[i] = sn.keyProbe(Filter{NeedKeys: need}, 1)
		if len(scans[i].seen) != minProbeSlots {
			t.Fatalf("a probe of one entry has a memo of %d slots", len(scans[i].seen))
		}
	}
	var e, some Entry
	split, met := 0, 0
	for seq := sn.First(); sn.Has(seq); seq++ {
		if err := sn.Load(seq, &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if off := sn.row(seq).attrs; off != 0 && wordsAt(sn.words, off)[0]&attrSplitMark != 0 {
			split++
		}
		for i, need := range demands {
			want := fieldsMeet(e.Fields, need)
			if got := sn.meetsDemand(sn.row(seq), sn.keyProbe(Filter{NeedKeys: need}, 1)); got != want {
				t.Fatalf("entry %d (%v), demand %v: probe says %v, the loaded fields %v", seq, e.Kind, need, got, e.Fields)
			}
			if got := sn.meetsDemand(sn.row(seq), scans[i]); got != want {
				t.Fatalf("entry %d (%v), demand %v: the scan's probe says %v, the loaded fields %v", seq, e.Kind, need, got, e.Fields)
			}
			if want && len(need) > 1 {
				met++
			}
		}
		for _, keys := range probes {
			var want Fields
			for _, f := range e.Fields {
				if slices.Contains(keys, f.Key) {
					want = append(want, f)
				}
			}
			if err := sn.load(seq, &some, LoadIndex, sn.keyProbe(Filter{Keys: keys}, 1).only); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(some.Fields, want) {
				t.Fatalf("entry %d, keys %v: a restricted load gave %v, want %v", seq, keys, some.Fields, want)
			}
		}
	}
	if split == 0 || met == 0 {
		t.Fatalf("%d entries stored split, %d met a demand of several groups: the test no longer covers them", split, met)
	}
}

// fieldsMeet reports whether fs has, for every group of need, a field with
// one of its keys.
func fieldsMeet(fs Fields, need [][]string) bool {
	for _, group := range need {
		if !slices.ContainsFunc(fs, func(f Field) bool { return slices.Contains(group, f.Key) }) {
			return false
		}
	}
	return true
}

// A view built with NeedKeys and Keys holds exactly the entries one built
// without them holds, and a full load (whose fields come from a parse)
// ignores them.
func TestViewNeedKeysSkipsWithoutChangingTheResult(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.Append(probeEntries())
	sn := s.Snapshot()
	match := func(e *Entry) bool { return e.Fields.Value(KeyCountry) == "DE" }
	for _, load := range []Load{LoadIndex, LoadRaw} {
		f := Filter{Match: match, Load: load, NeedKeys: [][]string{{KeyCountry}}, Keys: []string{KeyCountry}}
		with, _ := BuildView(context.Background(), sn, f)
		without, _ := BuildView(context.Background(), sn, Filter{Match: match, Load: load})
		if with.Len() != 250 || without.Len() != 250 {
			t.Fatalf("load %v: with NeedKeys %d, without %d, want 250", load, with.Len(), without.Len())
		}
		for i := range with.Len() {
			if with.At(i) != without.At(i) {
				t.Fatalf("load %v: row %d differs", load, i)
			}
		}
	}
	wrong := Filter{Match: func(*Entry) bool { return true }, Load: LoadFull, NeedKeys: [][]string{{"absent"}}}
	if v, _ := BuildView(context.Background(), sn, wrong); v.Len() != sn.Len() {
		t.Fatalf("a full load skipped %d entries on NeedKeys", sn.Len()-v.Len())
	}
}

// A load restricted to some keys rebuilds exactly those fields, in order,
// and the origin (a journal cursor, a receive time) as a full index load does.
func TestLoadOnlySomeKeys(t *testing.T) {
	s := NewStore(StoreOptions{})
	e := analytics("c1", EventClosed, t0)
	e.Origin.Received = t0.Add(3 * time.Second)
	e.Origin.Journal = &JournalFields{Cursor: "s=abc;i=1"}
	s.Append([]Entry{e})
	sn := s.Snapshot()
	var full, some Entry
	if err := sn.Load(sn.First(), &full, LoadIndex); err != nil {
		t.Fatal(err)
	}
	only := sn.keyProbe(Filter{Keys: []string{KeyRx, KeyCity}}, 1).only
	if err := sn.load(sn.First(), &some, LoadIndex, only); err != nil {
		t.Fatal(err)
	}
	if len(some.Fields) != 2 || some.Fields[0].Key != KeyRx || some.Fields[0].Num != 234867 || some.Fields[1].Value != "Seattle" {
		t.Fatalf("restricted load: %+v", some.Fields)
	}
	if !some.Origin.Received.Equal(full.Origin.Received) || some.Origin.Journal == nil || some.Origin.Journal.Cursor != full.Origin.Journal.Cursor {
		t.Fatalf("origin not rebuilt: %+v vs %+v", some.Origin, full.Origin)
	}
}
