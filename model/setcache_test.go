package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
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

// sharedFieldsStream is n service entries that share the one slice fs, as
// a decoder's lines of one module and function do, with templates and
// kinds drawn from those given: runs of one and mixes, as a log's lines
// come. Some carry a number of their own beside the shared fields.
func sharedFieldsStream(fs Fields, n int, at time.Time, templates []string, kinds []Kind) []Entry {
	r := rand.New(rand.NewPCG(uint64(n), uint64(len(templates))))
	es := make([]Entry, n)
	t, k := 0, 0
	for i := range es {
		if r.IntN(3) == 0 {
			t, k = r.IntN(len(templates)), r.IntN(len(kinds))
		}
		es[i] = service("x", at.Add(time.Duration(i)*time.Millisecond))
		es[i].Fields, es[i].Template, es[i].Kind = fs, templates[t], kinds[k]
		if r.IntN(7) == 0 {
			es[i].Item = 1 + r.IntN(3)
		}
	}
	return es
}

// checkSets loads every entry of s and holds its fields, template and kind
// to the entry put at the same place in want.
func checkSets(t *testing.T, s *Store, want []Entry) {
	t.Helper()
	sn := s.Snapshot()
	if got := int(sn.End() - sn.First()); got != len(want) {
		t.Fatalf("store holds %d entries, %d were put", got, len(want))
	}
	var e Entry
	for i := range want {
		if err := sn.Load(sn.First()+int64(i), &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		w := &want[i]
		if !reflect.DeepEqual(e.Fields, w.Fields[:2]) || e.Template != w.Template || e.Kind != w.Kind || e.Item != w.Item {
			t.Fatalf("entry %d: %v %v %q item %d, want %v %v %q item %d", i, e.Kind, e.Fields, e.Template, e.Item,
				w.Kind, w.Fields[:2], w.Template, w.Item)
		}
	}
}

// Entries that share their fields' memory, as a decoder's lines of one
// module and function do, are found by its place within a call, and each
// still gets its own template and kind. Then the same memory holds other
// fields, as a decoder's reused block does, and a later call's entries
// must get those: a place is only known within its call.
func TestSetCacheKnowsSharedFieldsByTheirPlaceWithinACall(t *testing.T) {
	s := NewStore(StoreOptions{})
	fs := Fields{Str(KeyModule, "libsdwan/quic"), Str(KeyFunction, "quic_session::send_ping")}
	first := sharedFieldsStream(fs, 600, t0, []string{"ping <ip>", "ping <ip> idle <dur>", ""}, []Kind{KindService, KindJSON})
	// The last entry is of the template and kind the next call begins with.
	first = append(first, first[0])
	first[len(first)-1].Time, first[len(first)-1].Template, first[len(first)-1].Kind = t0.Add(time.Minute), "ping <ip>", KindService
	var want []Entry
	for i := range first {
		want = append(want, first[i])
		want[i].Fields = slices.Clone(fs)
	}
	s.Append(first)
	found := 0
	for i := range first {
		if s.setCache.placed.slotOf(&first[i], first[i].Template, s.calls.last) != nil {
			found++
		}
	}
	if found < 4 {
		t.Fatalf("the sets of %d entries' fields are known by their place: the test does not test it", found)
	}
	// The same memory, other fields, a later call.
	fs[0], fs[1] = Str(KeyModule, "connector"), Str(KeyFunction, "controller::poll")
	second := sharedFieldsStream(fs, 600, t0.Add(time.Hour), []string{"ping <ip>", "poll <num>"}, []Kind{KindService})
	second[0].Template, second[0].Kind = "ping <ip>", KindService
	for i := range second {
		w := second[i]
		w.Fields = slices.Clone(fs)
		want = append(want, w)
	}
	s.Append(second)
	checkSets(t, s, want)
	// Every kind's entries are known to carry their keys, so that a query
	// on them does not pass over their rows (see kindKeys).
	for _, k := range []Kind{KindService, KindJSON} {
		for _, key := range []string{KeyModule, KeyFunction} {
			if !s.kinds.sets[k].has(s.syms.intern(key)) {
				t.Fatalf("the %v entries are not known to carry %s", k, key)
			}
		}
	}
}

// Within a call, a slot given to other fields no longer answers for the
// place of the fields it held.
func TestSetCachePlaceOfFieldsGivenUp(t *testing.T) {
	var c setCache
	a := Fields{Str(KeyModule, "a"), Str(KeyFunction, "f")}
	b := Fields{Str(KeyModule, "b"), Str(KeyFunction, "g")}
	ea, eb := Entry{Fields: a}, Entry{Fields: b}
	sl := &c.slots[7]
	c.placed.note(sl, &ea, "", 3)
	if c.placed.slotOf(&ea, "", 3) != sl {
		t.Fatal("the slot noted for a's place is not found")
	}
	for _, call := range []uint32{0, 2, 4} {
		if c.placed.slotOf(&ea, "", call) != nil {
			t.Fatalf("a's place found in call %d, noted in call 3", call)
		}
	}
	c.placed.note(sl, &eb, "", 3)
	if c.placed.slotOf(&ea, "", 3) != nil {
		t.Fatal("a's place still answers for a slot now given to b")
	}
	short := Entry{Fields: a[:1]}
	c.placed.note(sl, &ea, "", 3)
	if c.placed.slotOf(&short, "", 3) != nil {
		t.Fatal("fields starting where a's lie, but shorter, pass for a")
	}
	c.forget()
	if c.placed.slotOf(&ea, "", 3) != nil {
		t.Fatal("a place outlived the cache's forgetting its calls")
	}
}

// Entries whose fields lie in one place but whose templates, or kinds,
// take one slot of the place table (found by trying templates until they
// collide) each get their own template and kind: the table is keyed by
// where things lie, and a slot found there is still compared.
func TestSetCacheTellsCollidingPlacesApart(t *testing.T) {
	fs := Fields{Str(KeyModule, "libsdwan/dns"), Str(KeyFunction, "dns_cache::lookup")}
	at := fieldsAddr(fs)
	slotOf := func(template string, k Kind) int { return fieldPlaceSlot(at, template, k) }
	// Two templates of one slot; and one template's text in two places,
	// whose slots for two kinds are one.
	var sameSlot, twoPlaces []string
	seen := map[int]string{}
	for i := 0; i < 1<<16 && sameSlot == nil; i++ {
		tpl := fmt.Sprintf("lookup %d <host> <dur>", i)
		if other, ok := seen[slotOf(tpl, KindService)]; ok {
			sameSlot = []string{other, tpl}
		}
		seen[slotOf(tpl, KindService)] = tpl
	}
	first := sameSlot[0]
	for i := 0; i < 1<<16 && twoPlaces == nil; i++ {
		if again := strings.Clone(first); slotOf(again, KindJSON) == slotOf(first, KindService) {
			twoPlaces = []string{first, again}
		}
	}
	if sameSlot == nil || twoPlaces == nil {
		t.Fatal("no colliding templates found: the test does not test the comparisons")
	}
	var es, want []Entry
	add := func(tpl string, k Kind) {
		e := service("x", t0.Add(time.Duration(len(es))*time.Millisecond))
		e.Fields, e.Template, e.Kind = fs, tpl, k
		es = append(es, e)
		e.Fields = slices.Clone(fs)
		want = append(want, e)
	}
	for range 50 {
		add(sameSlot[0], KindService)
		add(sameSlot[1], KindService)
		add(twoPlaces[0], KindService)
		add(twoPlaces[1], KindJSON)
	}
	s := NewStore(StoreOptions{})
	s.Append(es)
	checkSets(t, s, want)
	for _, k := range []Kind{KindService, KindJSON} {
		if !s.kinds.sets[k].has(s.syms.intern(KeyModule)) {
			t.Fatalf("the %v entries are not known to carry %s", k, KeyModule)
		}
	}
}
