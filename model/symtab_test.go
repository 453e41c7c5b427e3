package model

import "testing"

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
