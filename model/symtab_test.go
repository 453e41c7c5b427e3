package model

import (
	"fmt"
	"testing"
	"time"
	"unsafe"
)

// Strings that hash alike in the writer's cache (same length, same sampled
// bytes) must still get their own symbols: the cache compares whole strings.
func TestSymCacheCollisionsKeepStringsApart(t *testing.T) {
	tab, c := newSymtab(), &symCache{}
	a, b := "k0123456789", "kX123456789" // differ only at a byte quickHash does not sample
	if quickHash(7, a) != quickHash(7, b) {
		t.Fatalf("the test needs colliding strings: %x != %x", quickHash(7, a), quickHash(7, b))
	}
	for range 3 {
		ia, _ := c.intern(tab, 7, a, nil)
		ib, _ := c.intern(tab, 7, b, nil)
		if ia == ib || symAt(tab.directory(), ia) != a || symAt(tab.directory(), ib) != b {
			t.Fatalf("a=%d (%q) b=%d (%q)", ia, symAt(tab.directory(), ia), ib, symAt(tab.directory(), ib))
		}
	}
}

// The cache returns what the table returns, for keys and values alike, and
// the flags computed for a new key.
func TestSymCacheAgreesWithTable(t *testing.T) {
	tab, c := newSymtab(), &symCache{}
	words := []string{"", "a", "module", "libsdwan/dns", "user.email", "x"}
	for i := range 5000 {
		w := words[i%len(words)]
		if i%7 == 0 {
			w = string(rune('a'+i%26)) + w
		}
		ctx := uint32(i % 3)
		id, f := c.intern(tab, ctx, w, func(s string) uint8 { return uint8(len(s)) })
		if want := tab.intern(w); id != want || f != uint8(len(w)) {
			t.Fatalf("%q in context %d: id %d flags %d, want %d and %d", w, ctx, id, f, want, len(w))
		}
	}
}

// A string met at an address in one call is known there for the rest of
// that call only, and only at its length: in a later call the memory may
// hold other bytes, as a decoder's reused block does, and each entry must
// load its own values.
func TestAddrSymsAreKnownWithinTheirCall(t *testing.T) {
	var a addrSyms
	buf := []byte("alice@example.com")
	v := unsafe.String(&buf[0], len(buf))
	a.note(v, 7, 2, 3)
	if id, f, ok := a.find(v, 3); !ok || id != 7 || f != 2 {
		t.Fatalf("find in the call it was noted in: %d, %d, %v", id, f, ok)
	}
	if _, _, ok := a.find(v[:5], 3); ok {
		t.Fatal("a shorter string at the same address passes for the value")
	}
	for _, call := range []uint32{0, 2, 4} {
		if _, _, ok := a.find(v, call); ok {
			t.Fatalf("found in call %d, noted in call 3", call)
		}
	}
	a.forget()
	if _, _, ok := a.find(v, 3); ok {
		t.Fatal("a string outlived the cache's forgetting its calls")
	}

	// In a store: events whose user lies in one buffer, rewritten between
	// two calls.
	s := NewStore(StoreOptions{})
	var want []string
	for _, user := range []string{"alice@example.com", "carol@example.com"} {
		copy(buf, user)
		es := make([]Entry, 50)
		for i := range es {
			es[i] = analytics(fmt.Sprint("c", len(want)), EventEstablished, t0.Add(time.Duration(len(want))*time.Second))
			es[i].Fields = append(es[i].Fields, Str(KeyUserID, v))
			want = append(want, user)
		}
		s.Append(es)
	}
	sn := s.Snapshot()
	var e Entry
	for i, user := range want {
		if err := sn.Load(sn.First()+int64(i), &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if got := e.Fields.Value(KeyUserID); got != user {
			t.Fatalf("entry %d: user id %q, want %q", i, got, user)
		}
	}
}
