package model

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// A kind is whole in the index while every entry of it the store took was
// whole as decoded and kept by the index as it is, and exact while the
// index kept every field it would index; once broken it stays so.
func TestWholeKinds(t *testing.T) {
	yes := func(*Entry) bool { return true }
	many := make(Fields, maxIndexedFields+1)
	for i := range many {
		many[i] = Str(fmt.Sprint("k", i), "v")
	}
	for _, c := range []struct {
		name        string
		whole       func(*Entry) bool
		fs          Fields
		want, exact bool
	}{
		{"whole fields", yes, Fields{Str(KeyUserEmail, "a@x"), Int(KeyRx, 5)}, true, true},
		{"no fields", yes, nil, true, true},
		{"the decoder left fields out", func(*Entry) bool { return false }, Fields{Str(KeyUserEmail, "a@x")}, false, true},
		{"no word from the decoder", nil, Fields{Str(KeyUserEmail, "a@x")}, false, true},
		{"a message, which the index leaves out", yes, Fields{Str(KeyMessage, "m")}, false, true},
		{"a key the index keeps its own data under", yes, Fields{Int(keyItem, 3)}, false, false},
		{"more fields than the index keeps", yes, many, false, false},
	} {
		var w wholeKinds
		w.note(&Entry{Kind: KindAnalytics, Fields: Fields{Str(KeyUserEmail, "b@x")}}, yes)
		w.note(&Entry{Kind: KindAnalytics, Fields: c.fs}, c.whole)
		w.note(&Entry{Kind: KindAnalytics, Fields: Fields{Str(KeyUserEmail, "c@x")}}, yes)
		if got := w.holds(KindAnalytics); got != c.want {
			t.Errorf("%s: whole %v, want %v", c.name, got, c.want)
		}
		if got := w.exact(KindAnalytics); got != c.exact {
			t.Errorf("%s: exact %v, want %v", c.name, got, c.exact)
		}
		if !w.holds(KindAudit) || !w.exact(KindAudit) {
			t.Errorf("%s: a kind the store never took is not whole", c.name)
		}
	}
}

// A view whose Match needs a full load and reads only fields
// (FieldsSuffice) matches the entries of a kind whole in the index on
// their index, without a re-parse, and finds what the re-parse finds; a
// kind that is not whole, or a filter that reads more, is re-parsed.
func TestWholeKindsAreMatchedOnTheirIndex(t *testing.T) {
	var parsed [kindCount]atomic.Int64
	reparse := func(e *Entry) {
		parsed[e.Kind].Add(1)
		fs := Fields{Str(KeyUserEmail, "u"+string(e.Raw[len(e.Raw)-1]))}
		if e.Kind == KindService {
			fs = append(fs, Str(KeyMessage, string(e.Raw)))
		}
		e.Fields = fs
	}
	s := NewStore(StoreOptions{Reparse: reparse, FieldsWhole: func(e *Entry) bool { return e.Kind != KindService }})
	var es []Entry
	for i := range 300 {
		raw := fmt.Sprint("line ", i)
		e := Entry{Kind: KindAnalytics, Time: t0, Raw: []byte(raw), Origin: Origin{Offset: -1},
			Fields: Fields{Str(KeyUserEmail, "u"+raw[len(raw)-1:])}}
		if i%3 == 0 {
			e.Kind, e.Fields = KindService, Fields{Str(KeyUserEmail, "u"+raw[len(raw)-1:])}
		}
		es = append(es, e)
	}
	s.Append(es)
	sn := s.Snapshot()
	match := func(e *Entry) bool {
		return e.Fields.Value(KeyUserEmail) == "u7" || strings.HasSuffix(e.Fields.Value(KeyMessage), "5")
	}
	var want []int64
	for seq := sn.First(); seq < sn.End(); seq++ {
		var e Entry
		if err := sn.Load(seq, &e, LoadFull); err != nil {
			t.Fatal(err)
		}
		if match(&e) {
			want = append(want, seq)
		}
	}
	for _, suffice := range []bool{true, false} {
		for k := range parsed {
			parsed[k].Store(0)
		}
		v, _ := BuildView(context.Background(), sn, Filter{Load: LoadFull, Match: match, FieldsSuffice: suffice})
		if !slices.Equal(seqs(v), want) {
			t.Errorf("fields suffice %v: %d matches, a full load of each finds %d", suffice, v.Len(), len(want))
		}
		if n := parsed[KindService].Load(); n != 100 {
			t.Errorf("fields suffice %v: %d service lines re-parsed, want all 100", suffice, n)
		}
		if n, wantN := parsed[KindAnalytics].Load(), map[bool]int64{true: 0, false: 200}[suffice]; n != wantN {
			t.Errorf("fields suffice %v: %d analytics events re-parsed, want %d", suffice, n, wantN)
		}
	}
}

// An entry whose indexed fields are a set the writer cached is still
// noted: one that also carries more fields than the index keeps (here
// messages, which the cache passes over) makes its kind inexact.
func TestWholeKindsNoteCachedSets(t *testing.T) {
	s := NewStore(StoreOptions{FieldsWhole: func(*Entry) bool { return false }})
	fs := Fields{Str(KeyModule, "libsdwan"), Str(KeyFunction, "listen::channel_event")}
	many := slices.Clone(fs)
	for range maxIndexedFields {
		many = append(many, Str(KeyMessage, "m"))
	}
	line := func(raw string, fs Fields) Entry {
		return Entry{Kind: KindService, Raw: []byte(raw), Fields: fs, Template: "t", Origin: Origin{Offset: -1}}
	}
	s.Append([]Entry{line("a", fs), line("b", fs)})
	if !s.whole.exact(KindService) || s.whole.holds(KindService) {
		t.Fatalf("before: exact %v, whole %v; want exact and not whole", s.whole.exact(KindService), s.whole.holds(KindService))
	}
	e := line("c", many)
	lo := lineOrigin{template: e.Template}
	if set, n, ok := cacheable(&e, &lo); !ok || !s.setCache.slotFor(e.Kind, &set, n, lo.template).holds(e.Kind, &set, n, lo.template, 0) {
		t.Fatal("the entry's set is not cached: the test does not test what it says")
	}
	s.Append([]Entry{e})
	if s.whole.exact(KindService) {
		t.Error("an entry of a cached set with more fields than the index keeps left its kind exact")
	}
}
