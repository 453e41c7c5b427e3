package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// serviceWith builds a service entry whose fields are all interned, tagged
// with its index so a load can be checked against what was appended.
func serviceWith(i int) Entry {
	mod := fmt.Sprintf("libsdwan/m%d", i%7)
	fn := fmt.Sprintf("scope::f%d", i%5)
	return Entry{Time: t0, Kind: KindService, Level: LevelDebug, Raw: []byte(fmt.Sprintf("[DEBUG] [%s] %s: line %d", mod, fn, i)),
		Origin: Origin{Offset: -1}, Fields: Fields{Str(KeyModule, mod), Str(KeyFunction, fn), Str(KeyMessage, "m")}}
}

func TestSharedAttributeSetsSaveWords(t *testing.T) {
	s := NewStore(StoreOptions{})
	batch := make([]Entry, 1000)
	for round := 0; round < 100; round++ {
		for j := range batch {
			batch[j] = serviceWith(round*1000 + j)
		}
		s.Append(batch)
	}
	if got := s.words.putBytes; got > 35*5*4*4 {
		t.Errorf("100,000 entries with 35 distinct field sets wrote %d bytes of words; sharing should keep it to the 35 sets", got)
	}
}

// Shared sets must survive the eviction of the entries that wrote them,
// and a reused chunk slot must never be read as an old set.
func TestSharedAttributeSetsAcrossEviction(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	batch := make([]Entry, 997)
	n := 0
	for round := 0; round < 300; round++ {
		for j := range batch {
			batch[j] = serviceWith(n)
			if n%11 == 0 { // an unshared set now and then, so word chunks fill and get released
				batch[j].Fields = append(batch[j].Fields, Int(KeyRx, int64(n)))
			}
			n++
		}
		s.Append(batch)
	}
	if s.Stats().Evicted == 0 {
		t.Fatal("nothing was evicted: the test does not exercise release")
	}
	sn := s.Snapshot()
	var e Entry
	for seq := sn.First(); seq < sn.End(); seq++ {
		if err := sn.Load(seq, &e, LoadRaw); err != nil {
			t.Fatal(err)
		}
		if e.Kind == KindGap { // the evictions' own entries
			continue
		}
		var i int
		if _, err := fmt.Sscanf(string(e.Raw[strings.LastIndexByte(string(e.Raw), ' ')+1:]), "%d", &i); err != nil {
			t.Fatalf("seq %d: raw %q", seq, e.Raw)
		}
		want := serviceWith(i)
		if string(e.Raw) != string(want.Raw) || e.Fields.Value(KeyModule) != want.Fields.Value(KeyModule) || e.Fields.Value(KeyFunction) != want.Fields.Value(KeyFunction) {
			t.Fatalf("seq %d: %q fields %v, want module %s function %s", seq, e.Raw, e.Fields, want.Fields.Value(KeyModule), want.Fields.Value(KeyFunction))
		}
		if rx, ok := e.Fields.Num(KeyRx); (i%11 == 0) != ok || ok && int(rx) != i {
			t.Fatalf("seq %d: rx %v %v", seq, rx, ok)
		}
	}
}

// The table of shared sets is keyed by a hash: a set whose key leads to
// other words (two sets with one hash) is stored anew, never given the
// other's words, and then shared in its turn.
func TestSharedSetTableChecksTheWords(t *testing.T) {
	s := NewStore(StoreOptions{})
	a, b := []uint32{1, 5, 7}, []uint32{2, 5, 7, 9, 11}
	offB := s.putAttrs(b, true)
	s.sets[s.setKey(a)] = s.sets[s.setKey(b)] // as if a and b had one hash
	offA := s.putAttrs(a, true)
	if offA == offB || !slices.Equal(wordsAt(s.words.chunks, offA)[:len(a)], a) {
		t.Fatalf("set %v stored at %d, the other set's %d: words %v", a, offA, offB, wordsAt(s.words.chunks, offA)[:len(a)])
	}
	if again := s.putAttrs(slices.Clone(a), true); again != offA {
		t.Fatalf("the same set stored again at %d, not shared with %d", again, offA)
	}
}
