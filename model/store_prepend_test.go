package model

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// numbered returns n service entries whose message is prefix and their index.
func numbered(prefix string, n int) []Entry {
	es := make([]Entry, n)
	for i := range es {
		es[i] = service(fmt.Sprintf("%s%d", prefix, i), t0.Add(time.Duration(i)*time.Millisecond))
	}
	return es
}

// contents loads every held entry, oldest first, and returns their raw
// texts; it fails the test when a Seq is out of order or unreadable.
func contents(t *testing.T, sn *Snapshot) []string {
	t.Helper()
	var out []string
	var e Entry
	prev := int64(0)
	for i := 0; i < sn.Len(); i++ {
		seq := seqOf(sn.first + int64(i))
		if seq == 0 || (prev != 0 && seq <= prev) || !sn.Has(seq) {
			t.Fatalf("entry %d has Seq %d after %d", i, seq, prev)
		}
		if err := sn.Load(seq, &e, LoadRaw); err != nil {
			t.Fatalf("load %d: %v", seq, err)
		}
		if e.Kind == KindGap {
			out = append(out, "gap "+e.Fields.Value(KeyGapCount))
		} else {
			out = append(out, strings.TrimPrefix(string(e.Raw), "[DEBUG] [libsdwan] "))
		}
		prev = seq
	}
	return out
}

func TestPrependOrderAndSeqs(t *testing.T) {
	cases := []struct {
		name   string
		tail   int   // entries appended first
		blocks []int // sizes of the prepended blocks, newest block first
	}{
		{"into an empty store", 0, []int{3}},
		{"before a tail", 5, []int{2, 4}},
		{"across row chunks", 100, []int{rowChunkRows - 50, 3 * rowChunkRows / 2, 7}},
		{"a block larger than a chunk", rowChunkRows + 3, []int{2*rowChunkRows + 11}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := NewStore(StoreOptions{})
			s.Append(numbered("tail", tc.tail))
			var want []string
			for i := 0; i < tc.tail; i++ {
				want = append(want, fmt.Sprint("tail", i))
			}
			for b, n := range tc.blocks {
				block := numbered(fmt.Sprintf("block%d-", b), n)
				s.Prepend(block)
				if n > 0 && block[n-1].Seq >= 1 && tc.tail > 0 {
					t.Errorf("a prepended entry got Seq %d, not below the tail's", block[n-1].Seq)
				}
				var texts []string
				for i := range block {
					texts = append(texts, fmt.Sprintf("block%d-%d", b, i))
					if block[i].Seq == 0 {
						t.Fatal("Seq 0 was assigned: it means no entry")
					}
				}
				want = append(texts, want...)
			}
			sn := s.Snapshot()
			got := contents(t, sn)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Fatalf("held %d entries, want %d; first %q, want %q", len(got), len(want), got[:min(3, len(got))], want[:min(3, len(want))])
			}
			if sn.Has(0) {
				t.Error("Has(0) is true")
			}
			st := s.Stats()
			if st.Entries != int64(len(want)) || st.Appended != int64(len(want)) || s.Len() != len(want) {
				t.Errorf("stats %+v, Len %d; want %d entries", st, s.Len(), len(want))
			}
			next := numbered("after", 1)
			s.Append(next)
			if want := max(int64(tc.tail)+1, 1); next[0].Seq != want {
				t.Errorf("the next appended entry got Seq %d, want %d", next[0].Seq, want)
			}
		})
	}
}

func TestPrependEvictsTheFrontAndCounts(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	s.Append(numbered("tail", 1000))
	total := 1000
	for b := 0; b < 60; b++ {
		s.Prepend(numbered("head", 3000))
		total += 3000
	}
	st := s.Stats()
	if st.Evicted == 0 {
		t.Fatal("nothing was evicted although the budget was exceeded")
	}
	if st.Loss.ByKind[GapEvictionReason] != st.Evicted || st.Entries+st.Evicted != int64(total)+st.Loss.Events {
		t.Errorf("held %d + evicted %d (ledger %d) != stored %d + %d gap entries", st.Entries, st.Evicted, st.Loss.ByKind[GapEvictionReason], total, st.Loss.Events)
	}
	// Past the budget: the newest row chunk, kept whatever it costs, the
	// front gap's own row chunk, and the arena chunks being written.
	if st.MemBytes > st.MaxMemory+2*rowChunkBytes+2*arenaChunkBytes {
		t.Errorf("memory %d is far over the budget %d: evicted chunks were not released", st.MemBytes, st.MaxMemory)
	}
	got := contents(t, s.Snapshot())
	for len(got) > 0 && strings.HasPrefix(got[len(got)-1], "gap ") {
		got = got[:len(got)-1] // the evictions' entries come after the lines
	}
	if len(got) == 0 || got[len(got)-1] != "tail999" {
		t.Errorf("the newest line is not tail999 (%d held): eviction must take the oldest", len(got))
	}
}

// The arenas must give back what evicted entries used, whichever end they
// were written at: a long run under a budget must not grow without bound.
func TestArenasReleaseEvictedChunks(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 8 << 20})
	for b := 0; b < 300; b++ {
		es := make([]Entry, 500)
		for i := range es {
			es[i] = analytics(fmt.Sprint("conn-", b, "-", i), EventEstablished, t0)
		}
		if b%2 == 0 {
			s.Prepend(es)
		} else {
			s.Append(es)
		}
	}
	st := s.Stats()
	if st.Evicted == 0 {
		t.Fatal("the test did not evict anything")
	}
	held := s.arena.live + s.words.live
	if limit := st.MaxMemory + 4*arenaChunkBytes; held > limit {
		t.Errorf("arenas hold %d bytes after evicting %d entries; want at most %d", held, st.Evicted, limit)
	}
	// Past the budget: the newest row chunk, kept whatever it costs, the
	// front gap's own row chunk, and the arena chunks being written.
	if st.MemBytes > st.MaxMemory+2*rowChunkBytes+2*arenaChunkBytes {
		t.Errorf("memory estimate %d far over the budget %d", st.MemBytes, st.MaxMemory)
	}
}

func TestPrependPairsWithTheEarliest(t *testing.T) {
	s := NewStore(StoreOptions{})
	closed := []Entry{analytics("c1", EventClosed, t0.Add(time.Minute))}
	s.Append(closed)
	opened := []Entry{analytics("c1", EventEstablished, t0), service("between", t0)}
	s.Prepend(opened)
	p, ok := s.PairOf(&closed[0])
	if !ok || p.Partner != opened[0].Seq || p.Partner >= 0 {
		t.Errorf("the close pairs with %+v, want Seq %d", p, opened[0].Seq)
	}
	p, _ = s.PairOf(&opened[0])
	if p.Open || p.Partner != closed[0].Seq {
		t.Errorf("the establishment pairs with %+v, want Seq %d", p, closed[0].Seq)
	}
	older := []Entry{analytics("c1", EventEstablished, t0.Add(-time.Hour))}
	s.Prepend(older)
	if p, _ := s.PairOf(&closed[0]); p.Partner != older[0].Seq {
		t.Errorf("after an older establishment was prepended the close pairs with %d, want %d", p.Partner, older[0].Seq)
	}
}

// A reader on an old snapshot must keep reading what it holds while the
// writer prepends, appends and evicts: the race detector watches this.
func TestOldSnapshotWhileWriterPrependsAndAppends(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 3 * rowChunkBytes})
	s.Append(numbered("tail", 5000))
	s.Prepend(numbered("head", 5000))
	old := s.Snapshot()
	want := contents(t, old)
	var wg sync.WaitGroup
	wg.Add(2)
	errs := make(chan string, 2)
	go func() {
		defer wg.Done()
		for round := 0; round < 3; round++ {
			var e Entry
			for i := 0; i < old.Len(); i++ {
				seq := seqOf(old.first + int64(i))
				err := old.Load(seq, &e, LoadRaw)
				gapOK := e.Kind == KindGap && want[i] == "gap "+e.Fields.Value(KeyGapCount)
				if err != nil || !gapOK && !strings.HasSuffix(string(e.Raw), want[i]) {
					errs <- fmt.Sprintf("seq %d: %q, %v", seq, e.Raw, err)
					return
				}
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 40; i++ {
			s.Prepend(numbered("more", 2000))
			s.Append(numbered("live", 500))
			if _, err := BuildView(context.Background(), s.Snapshot(), Filter{Match: func(*Entry) bool { return true }}); err != nil {
				errs <- err.Error()
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if s.Stats().Evicted == 0 {
		t.Fatal("the test did not evict anything")
	}
}

// Held lines prepended one at a time and in batches, in the same groups of
// rows, read back as written: a row's offset is found from the rows
// written before it, so the store writes a batch from its end.
func TestPrependedHeldLinesReadBack(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.Append(numbered("appended line ", 3))
	var want []string
	for round, n := range []int{1, 1, 1, 5, 1, 20, 2, 1, 40, 3} {
		es := numbered(fmt.Sprintf("round %d, line %s ", round, strings.Repeat("x", round)), n)
		s.Prepend(es)
		var texts []string
		for _, e := range es {
			texts = append(texts, strings.TrimPrefix(string(e.Raw), "[DEBUG] [libsdwan] "))
		}
		want = append(texts, want...)
	}
	got := contents(t, s.Snapshot())
	want = append(want, "appended line 0", "appended line 1", "appended line 2")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
