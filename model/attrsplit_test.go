package model

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// event builds an analytics-like entry: fields that repeat among a few
// values (the template's), interleaved with fields unique to the entry,
// and a receive time that differs from the entry's (a pseudo-field).
func event(i int) Entry {
	at := t0.Add(time.Duration(i) * time.Millisecond)
	return Entry{Time: at, Kind: KindAnalytics, Level: LevelInfo, Raw: []byte(fmt.Sprint("ANALYTICS ", i)),
		Origin: Origin{Offset: -1, Received: at.Add(time.Second)}, Item: i % 3,
		Fields: Fields{
			Int(KeyCBCTFreshness, int64(i%997)),
			Str(KeyClientIP, fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255)),
			Str(KeyConnID, fmt.Sprintf("%016x-1", i)),
			Str(KeyProtocol, []string{"tcp", "udp"}[i%2]),
			Str(KeyTunnelPath, "direct"),
			Str(KeyConnectorName, "nondescript-caterpillar"),
			Str(KeyEventType, []string{EventEstablished, EventClosed}[i/2%2]),
			Float(KeyLat, 40.7128),
			Str(KeyUserEmail, fmt.Sprintf("user%d@example.com", i%13)),
			Int(KeyTimestamp, 1770710400297+int64(i)),
			Str(KeyResourceAddr, fmt.Sprintf("r%d.internal", i%5)),
		}}
}

// Split words give back every field in its place, the pseudo-fields too,
// and take fewer words than whole ones.
func TestSplitAttrsRoundTrip(t *testing.T) {
	s := NewStore(StoreOptions{})
	es := make([]Entry, 20_000) // several chunks of words
	for i := range es {
		es[i] = event(i)
	}
	want := make([]Entry, len(es))
	for i := range es {
		want[i] = event(i)
	}
	s.Append(es)
	sn := s.Snapshot()
	var got Entry
	split, long := 0, 0
	templates := map[uint32]bool{}
	for i := range want {
		if err := sn.Load(int64(i+1), &got, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Fields, want[i].Fields) || !got.Origin.Received.Equal(want[i].Origin.Received) || got.Item != want[i].Item {
			t.Fatalf("entry %d:\n got %v (received %v, item %d)\nwant %v (received %v, item %d)", i+1,
				got.Fields, got.Origin.Received, got.Item, want[i].Fields, want[i].Origin.Received, want[i].Item)
		}
		r := sn.row(int64(i + 1))
		if ws := wordsAt(sn.words, r.attrs); ws[0]&attrSplitMark != 0 {
			_, _, tpl := splitOf(ws, r.attrs)
			split++
			templates[tpl] = true
			if ws[0]&splitNear == 0 {
				long++
			}
		}
	}
	if split < len(want)/2 {
		t.Fatalf("%d of %d entries were split: the test must exercise split words", split, len(want))
	}
	// The header is one word but where an entry's words begin a chunk.
	if chunks := len(s.words.chunks); long == 0 || long > chunks {
		t.Errorf("%d of %d split entries have a two-word header, in %d chunks of words", long, split, chunks)
	}
	// The repeating fields make 2 × 2 × 13 × 5 combinations, and the first
	// entries (before a key's values count as repeating) a few more; a
	// number that rarely repeats (the freshness, the timestamp) would make
	// each template unique.
	if len(templates) > 400 {
		t.Errorf("%d templates for %d split entries: fields that rarely repeat went into them", len(templates), split)
	}
	whole := NewStore(StoreOptions{})
	whole.noSplit = true
	for i := range es {
		es[i] = event(i)
	}
	whole.Append(es)
	// Six one-word fields and the latitude (a number of three words) of each
	// entry go into templates, for a word of header: at least seven words
	// an entry are saved.
	if got, all := s.words.putBytes, whole.words.putBytes; got > all-int64(split)*7*4 {
		t.Errorf("split words took %d bytes, whole ones %d: the templates should save 7 words an entry", got, all)
	}
}

// A one-word header holds up to 127 fields and a template up to 4 M words
// before or after the entry's own words, and gives them back.
func TestNearSplitHeader(t *testing.T) {
	const reach = 1 << (nearDistBits - 1)
	for _, c := range []struct {
		n, off, tpl uint32
		near        bool
	}{
		{3, 100_000, 99_000, true},
		{127, 100_000, 99_000, true},
		{128, 100_000, 99_000, false},
		{0, reach + 5, 5, false},
		{0, reach + 4, 5, true},
		{1, 5, reach + 5, true}, // a template in a later slot: reused chunks
		{1, 5, reach + 6, false},
		{2, 1<<32 - 1, 1<<32 - reach, true},
	} {
		w0, ok := nearSplitHeader(c.n, c.off, c.tpl)
		if ok != c.near {
			t.Errorf("%+v: near %v, want %v", c, ok, c.near)
			continue
		}
		if !ok {
			continue
		}
		ws := []uint32{w0, 77}
		own, n, tpl := splitOf(ws, c.off)
		if n != int(c.n) || tpl != c.tpl || &own[0] != &ws[1] {
			t.Errorf("%+v: got %d fields, template %d", c, n, tpl)
		}
	}
}

// A template outlives the eviction of the entries that wrote it as long as
// entries held use it, and is never read after its chunk is reused.
func TestSplitAttrsAcrossEviction(t *testing.T) {
	sn := fillEvicting(t, 4, 200_000, event)
	var got Entry
	for seq := sn.First(); seq < sn.End(); seq += 97 {
		if err := sn.Load(seq, &got, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if got.Kind != KindAnalytics {
			continue // an eviction gap entry
		}
		i := int(got.Time.Sub(t0) / time.Millisecond)
		if want := event(i).Fields; !reflect.DeepEqual(got.Fields, want) {
			t.Fatalf("entry %d (event %d):\n got %v\nwant %v", seq, i, got.Fields, want)
		}
	}
}

// fillEvicting appends entries made by entry(0), entry(1)… up to n to a
// store whose budget is chunks row chunks, and returns its snapshot; it
// fails the test unless the store evicted.
func fillEvicting(t *testing.T, chunks, n int, entry func(int) Entry) *Snapshot {
	t.Helper()
	s := NewStore(StoreOptions{MaxMemory: int64(chunks) * rowChunkBytes})
	batch := make([]Entry, 0, 1000)
	for i := range n {
		batch = append(batch, entry(i))
		if len(batch) == cap(batch) || i == n-1 {
			s.Append(batch)
			batch = batch[:0]
		}
	}
	if s.Stats().Evicted == 0 {
		t.Fatal("nothing was evicted: the test must evict")
	}
	return s.Snapshot()
}

// A key whose values are mostly new stops growing the symbol table once
// that is clear: its values go to the byte arena, and come back the same.
func TestVolatileValuesStayOutOfTheSymbolTable(t *testing.T) {
	s := NewStore(StoreOptions{})
	es := make([]Entry, 20_000)
	for i := range es {
		es[i] = event(i)
	}
	s.Append(es)
	// 20,000 client addresses, 13 users, a few of everything else: past
	// the warm-up, the addresses are no longer interned.
	if n := s.syms.n; n > 2*volatileWarmup+200 {
		t.Errorf("the symbol table holds %d strings after 20,000 events with unique client addresses", n)
	}
	for key, want := range map[string]bool{KeyClientIP: true, KeyUserEmail: false, KeyResourceAddr: false} {
		if sym, _ := s.syms.lookup(key); s.volatileKey(sym) != want {
			t.Errorf("%s: volatile %v, want %v", key, !want, want)
		}
	}
	sn := s.Snapshot()
	var got Entry
	for _, seq := range []int64{1, volatileWarmup + 1, 19_999} {
		if err := sn.Load(seq, &got, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if want := event(int(seq - 1)).Fields; !reflect.DeepEqual(got.Fields, want) {
			t.Fatalf("entry %d:\n got %v\nwant %v", seq, got.Fields, want)
		}
	}
}
