package model

import (
	"testing"
	"unsafe"
)

// The writer knows strings it met in one Append by their address (field
// keys, origins, templates), which only holds while the caller's entries
// stay as they are: a caller may then reuse the memory of its lines for
// others, as a file read tail first does, and the next Append must read
// what the memory holds now.
func TestStoreKnowsNoStringByAddressAcrossCalls(t *testing.T) {
	for _, c := range []struct {
		name  string
		entry func(view string) Entry
		got   func(e *Entry) string
	}{
		{"field key", func(v string) Entry { e := plainEntry(); e.Fields[0].Key = v; return e }, func(e *Entry) string { return e.Fields[0].Key }},
		{"origin", func(v string) Entry { e := plainEntry(); e.Origin.Host = v; return e }, func(e *Entry) string { return e.Origin.Host }},
		{"template", func(v string) Entry { e := plainEntry(); e.Template = v; return e }, func(e *Entry) string { return e.Template }},
	} {
		buf := []byte("alpha")
		view := unsafe.String(&buf[0], len(buf)) // the caller's bytes, which it reuses
		s := NewStore(StoreOptions{})
		s.Append([]Entry{c.entry(view), c.entry(view)})
		copy(buf, "omega")
		s.Append([]Entry{c.entry(view), c.entry(view)})
		sn := s.Snapshot()
		for seq, want := range map[int64]string{1: "alpha", 2: "alpha", 3: "omega", 4: "omega"} {
			var e Entry
			if err := sn.Load(seq, &e, LoadIndex); err != nil {
				t.Fatal(err)
			}
			if got := c.got(&e); got != want {
				t.Errorf("%s: entry %d has %q, want %q", c.name, seq, got, want)
			}
		}
	}
}

// plainEntry is a service line of two fields, with fields of its own.
func plainEntry() Entry {
	return Entry{Time: t0, Kind: KindService, Level: LevelInfo, Raw: []byte("x"), Origin: Origin{Offset: -1},
		Fields: Fields{Str(KeyFunction, "f"), Str(KeyModule, "m")}}
}
