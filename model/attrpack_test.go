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
		ws, ok := packHexSeq(42, c.v)
		if ok != c.pack {
			t.Errorf("%q: packed %v, want %v", c.v, ok, c.pack)
			continue
		}
		if ok {
			if got := unpackedValue(ws[:]); got != c.v {
				t.Errorf("%q came back as %q", c.v, got)
			}
			if k := keySymbol(ws[0]); k != 42 {
				t.Errorf("%q: key %d, want 42", c.v, k)
			}
		}
	}
	if _, ok := packHexSeq(packedKeyMask+1, "e755ba99988db558-24"); ok {
		t.Error("a key past the form's bits was packed")
	}
}

// Whatever the text, a packed value comes back as it was given.
func FuzzPackHexSeq(f *testing.F) {
	for _, v := range []string{"e755ba99988db558-24", "0000000000000000-0", "ffffffffffffffff-4294967295", "e755ba99988db558-024", "x"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if ws, ok := packHexSeq(7, v); ok {
			if got := unpackedValue(ws[:]); got != v {
				t.Fatalf("%q came back as %q", v, got)
			}
		}
	})
}
