package model

import (
	"testing"
	"time"
	"unsafe"
)

// The store copies what it keeps of an entry (the sink's contract: a
// source may reuse a line's bytes once the store has taken it). An origin
// or a gap reason whose text lies in a buffer that is then overwritten
// must read as it was when stored, and must not be taken for the text
// that now lies there.
func TestStoreKeepsItsOwnCopyOfOrigins(t *testing.T) {
	s := NewStore(StoreOptions{})
	buf := []byte("hostA reasonA")
	aliased := func(from, to int) string { return unsafe.String(&buf[from], to-from) }
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s.Append([]Entry{
		{Time: at, Kind: KindGap, Origin: Origin{Offset: -1}, Fields: Fields{Str(KeyGapReason, aliased(6, 13)), {Key: KeyGapCount, Value: "3", Num: 3, IsNum: true}}},
		{Time: at, Kind: KindText, Raw: []byte("one"), Origin: Origin{Host: aliased(0, 5), Offset: -1}},
	})
	copy(buf, "hostB reasonB") // the source reuses the line's memory
	s.Append([]Entry{{Time: at, Kind: KindText, Raw: []byte("two"), Origin: Origin{Host: "hostB", Offset: -1}}})

	sn := s.Snapshot()
	var hosts []string
	for seq := sn.First(); seq < sn.End(); seq++ {
		var e Entry
		if err := sn.Load(seq, &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if e.Kind != KindGap {
			hosts = append(hosts, e.Origin.Host)
		}
	}
	if len(hosts) != 2 || hosts[0] != "hostA" || hosts[1] != "hostB" {
		t.Errorf("hosts %q, want [hostA hostB]", hosts)
	}
	loss := s.Stats().Loss.ByKind
	if loss["reasonA"] != 3 || len(loss) != 1 {
		t.Errorf("loss by reason %v, want reasonA: 3", loss)
	}
}
