package model

import "testing"

// A value is packed only when its words rebuild exactly its text; any
// other stays text.
func TestPackHexSeqOnlyWhatItRebuilds(t *testing.T) {
	for _, c := range []struct {
		v    string
		pack bool
	}{
		{"e755ba99988db558-24", true},
		{"2ad8d54a58d092c2-1", true},
		{"0000000000000000-0", true},
		{"ffffffffffffffff-4294967295", true},
		{"ffffffffffffffff-4294967296", false}, // past 32 bits
		{"E755BA99988DB558-24", false},         // upper case would come back lower
		{"e755ba99988db558-024", false},        // a leading zero would be lost
		{"e755ba99988db558-+24", false},
		{"e755ba99988db558--24", false},
		{"e755ba99988db558-2_4", false},
		{"e755ba99988db558-", false},
		{"e755ba99988db55-24", false}, // fifteen digits
		{"e755ba99988db5588-24", false},
		{"e755ba99988db558_24", false},
		{"g755ba99988db558-24", false},
		{"2139eb38-eb7143eb-6-600000f-65044805-8a752", false},
		{"", false},
	} {
		for _, key := range []uint32{42, shortKeyMask, shortKeyMask + 1, packedKeyMask} {
			ws, ok := packHexSeq(key, c.v)
			if ok != c.pack {
				t.Errorf("%q: packed %v, want %v", c.v, ok, c.pack)
				continue
			}
			if ok {
				if got := unpackedValue(ws[:fieldWords(ws[0])]); got != c.v {
					t.Errorf("%q came back as %q", c.v, got)
				}
				if k := keySymbol(ws[0]); k != key {
					t.Errorf("%q: key %d, want %d", c.v, k, key)
				}
			}
		}
	}
	if _, ok := packHexSeq(packedKeyMask+1, "e755ba99988db558-24"); ok {
		t.Error("a key past the form's bits was packed")
	}
}

// A connection id takes 3 words when its key is among the first 2,048
// symbols and its number below 8,192; else 4.
func TestPackHexSeqShortForm(t *testing.T) {
	for _, c := range []struct {
		key   uint32
		v     string
		words int
	}{
		{42, "e755ba99988db558-24", 3},
		{42, "e755ba99988db558-0", 3},
		{42, "e755ba99988db558-8191", 3},
		{42, "e755ba99988db558-8192", 4},
		{shortKeyMask, "e755ba99988db558-1", 3},
		{shortKeyMask + 1, "e755ba99988db558-1", 4},
	} {
		ws, ok := packHexSeq(c.key, c.v)
		if !ok || fieldWords(ws[0]) != c.words {
			t.Errorf("%d %q: %d words (packed %v), want %d", c.key, c.v, fieldWords(ws[0]), ok, c.words)
		}
	}
}

// A receive time within a word's reach of the row's comes back exactly,
// with receivedSym for its key; one beyond it is not packed.
func TestPackReceived(t *testing.T) {
	for _, d := range []int64{0, 1, -1, 80733, receivedLimit - 1, -receivedLimit} {
		w, ok := packReceived(d)
		if !ok || packedReceivedDelta(w) != d || keySymbol(w) != receivedSym || fieldWords(w) != 1 {
			t.Errorf("%d: packed %v as %#x: %d, key %d, %d words", d, ok, w, packedReceivedDelta(w), keySymbol(w), fieldWords(w))
		}
	}
	for _, d := range []int64{receivedLimit, -receivedLimit - 1, 1 << 40} {
		if _, ok := packReceived(d); ok {
			t.Errorf("%d was packed", d)
		}
	}
	if s := newSymtab(); s.intern(keyReceived) != receivedSym {
		t.Errorf("%s is not symbol %d", keyReceived, receivedSym)
	}
}

// Whatever the text, a packed value comes back as it was given.
func FuzzPackHexSeq(f *testing.F) {
	for _, v := range []string{"e755ba99988db558-24", "0000000000000000-0", "ffffffffffffffff-4294967295", "e755ba99988db558-024", "x"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		for _, key := range []uint32{7, shortKeyMask + 1} {
			if ws, ok := packHexSeq(key, v); ok {
				if got := unpackedValue(ws[:fieldWords(ws[0])]); got != v || keySymbol(ws[0]) != key {
					t.Fatalf("%q came back as %q, key %d", v, got, keySymbol(ws[0]))
				}
			}
		}
	})
}
