package model

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// More distinct sets than the cache has slots, under eviction: every entry
// loads with its own fields, whether its set came from the cache, from a
// colliding slot's replacement or from a fresh encoding.
func TestSetCacheGivesEachEntryItsOwnFields(t *testing.T) {
	fields := func(i int) Fields {
		return Fields{Str(KeyModule, fmt.Sprint("m", i%(3*setCacheSlots))), Str(KeyFunction, fmt.Sprint("f", i%7)), Str(KeyMessage, fmt.Sprint(i))}
	}
	sn := fillEvicting(t, 6, 150_000, func(n int) Entry {
		e := service("x", t0.Add(time.Duration(n)*time.Millisecond))
		e.Fields = fields(n)
		return e
	})
	var e Entry
	checked := 0
	for seq := sn.First(); seq < sn.End(); seq += 2 {
		if err := sn.Load(seq, &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if e.Kind != KindService {
			continue
		}
		want := fields(int(e.Time.Sub(t0) / time.Millisecond))[:2]
		if !reflect.DeepEqual(e.Fields, want) {
			t.Fatalf("entry %d: fields %v, want %v", seq, e.Fields, want)
		}
		checked++
	}
	if checked < 1000 {
		t.Fatalf("only %d entries checked", checked)
	}
}

// A cached set is used only for exactly the kind, fields and template it was
// made of.
func TestSetCacheSlotHoldsExactFields(t *testing.T) {
	sl := setCacheSlot{kind: KindService, n: 2, keys: [2]string{KeyModule, KeyFunction}, vals: [2]string{"a", "b"}, template: "t <num>"}
	for _, tc := range []struct {
		kind     Kind
		fs       [setCacheFields]Field
		n        int
		template string
		want     bool
	}{
		{KindService, [2]Field{Str(KeyModule, "a"), Str(KeyFunction, "b")}, 2, "t <num>", true},
		{KindJSON, [2]Field{Str(KeyModule, "a"), Str(KeyFunction, "b")}, 2, "t <num>", false},
		{KindService, [2]Field{Str(KeyModule, "a"), Str(KeyFunction, "b")}, 2, "t <ip>", false},
		{KindService, [2]Field{Str(KeyModule, "a"), Str(KeyFunction, "b")}, 2, "", false},
		{KindService, [2]Field{Str(KeyModule, "a"), Str(KeyFunction, "c")}, 2, "t <num>", false},
		{KindService, [2]Field{Str(KeyModule, "a"), Str("other", "b")}, 2, "t <num>", false},
		{KindService, [2]Field{Str(KeyModule, "a")}, 1, "t <num>", false},
	} {
		if got := sl.holds(tc.kind, &tc.fs, tc.n, tc.template, 0); got != tc.want {
			t.Errorf("%v %v (%d, %q): holds %v, want %v", tc.kind, tc.fs, tc.n, tc.template, got, tc.want)
		}
	}
}

// Templates of one length that differ only between the bytes quickHash
// samples take slots of their own: the cache must tell apart the sets of
// a connector's service lines, whose templates differ where it does not
// look.
func TestSetCacheSpreadsTemplatesOfOneLength(t *testing.T) {
	var c setCache
	fs := [setCacheFields]Field{Str(KeyModule, "relay"), Str(KeyFunction, "relay_client::keepalive")}
	const n = 300
	slots := map[*setCacheSlot]bool{}
	for i := range n {
		// Of 40 bytes, quickHash reads those at 0, 10, 20, 30 and 39.
		template := fmt.Sprintf("p%09d to <ip>:<port> after <dur> ok", i)
		if quickHash(0, template) != quickHash(0, fmt.Sprintf("p%09d to <ip>:<port> after <dur> ok", 0)) {
			t.Fatalf("template %q: the test needs templates quickHash cannot tell apart", template)
		}
		slots[c.slotFor(KindService, &fs, 2, template)] = true
	}
	// 300 templates spread at random over 4,096 slots share about 11.
	if len(slots) < n-40 {
		t.Fatalf("%d templates took %d slots", n, len(slots))
	}
}
