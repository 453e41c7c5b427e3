package model

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// newtSession is a Pangolin newt ACCESS line of one phase of a session.
func newtSession(id, phase string, at time.Time) Entry {
	return Entry{Time: at, Kind: KindSession, Level: LevelInfo, Raw: []byte("ACCESS " + phase + " session=" + id),
		Origin: Origin{Offset: -1}, Fields: Fields{Str(KeyPhase, phase), Str(KeySessionID, id)}}
}

// connectionBatches returns batches of connection events of n connections
// with service lines between them: some connections end, some fail, some
// stay open, some are newt sessions, and some have two openings.
func connectionBatches(n int) [][]Entry {
	var batches [][]Entry
	var batch []Entry
	for i := range n {
		at := t0.Add(time.Duration(i) * time.Second)
		id := fmt.Sprint("c", i)
		switch i % 5 {
		case 0:
			batch = append(batch, analytics(id, EventEstablished, at), service("between", at), analytics(id, EventClosed, at.Add(time.Minute)))
		case 1:
			batch = append(batch, analytics(id, EventFailed, at))
		case 2:
			batch = append(batch, analytics(id, EventEstablished, at), service("still open", at))
		case 3:
			batch = append(batch, newtSession(id, "START", at), newtSession(id, "END", at.Add(time.Second)))
		case 4:
			batch = append(batch, analytics(id, EventEstablished, at), analytics(id, EventEstablished, at.Add(time.Millisecond)), analytics(id, EventClosed, at.Add(time.Hour)))
		}
		if len(batch) >= 7 {
			batches = append(batches, batch)
			batch = nil
		}
	}
	return append(batches, batch)
}

// eagerStore returns a store that indexes connections as it stores them,
// as every store did before the index was built when first asked.
func eagerStore() *Store {
	s := NewStore(StoreOptions{})
	s.connsOn = true
	return s
}

// writeBatches writes the batches to each store, prepending every third.
func writeBatches(batches [][]Entry, stores ...*Store) {
	for i, b := range batches {
		for _, s := range stores {
			es := append([]Entry(nil), b...)
			if i%3 == 2 {
				s.Prepend(es)
			} else {
				s.Append(es)
			}
		}
	}
}

// checkSamePairs checks that every entry of s pairs as it does in ref.
func checkSamePairs(t *testing.T, s, ref *Store) {
	t.Helper()
	sn := s.Snapshot()
	var e Entry
	for seq := sn.First(); seq < sn.End(); seq++ {
		if seq == 0 {
			continue
		}
		if err := sn.Load(seq, &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		got, ok := s.PairOf(&e)
		want, wantOK := ref.PairOf(&e)
		if ok != wantOK || got.ID != want.ID || got.Partner != want.Partner || !got.PartnerTime.Equal(want.PartnerTime) ||
			got.PartnerEvent != want.PartnerEvent || got.Open != want.Open || got.Ended != want.Ended {
			t.Fatalf("entry %d (%s %v): pair %+v (%v), want %+v (%v)", seq, e.Kind, e.Fields, got, ok, want, wantOK)
		}
		if id, _, _, _ := connKey(&e); id != "" {
			o1, c1, f1, t1, ok1 := s.ConnSpan(id)
			o2, c2, f2, t2, ok2 := ref.ConnSpan(id)
			if o1 != o2 || c1 != c2 || !f1.Equal(f2) || !t1.Equal(t2) || ok1 != ok2 {
				t.Fatalf("connection %s: span %d %d %v %v, want %d %d %v %v", id, o1, c1, f1, t1, o2, c2, f2, t2)
			}
		}
	}
	if s.conns.count != ref.conns.count {
		t.Errorf("%d connections indexed, want %d", s.conns.count, ref.conns.count)
	}
}

// The store indexes no connection until it is asked for a pair; then its
// pairs are those of a store that indexed every entry as it came, and it
// goes on indexing what it stores.
func TestPairIndexIsBuiltWhenFirstAsked(t *testing.T) {
	batches := connectionBatches(400)
	s, ref := NewStore(StoreOptions{}), eagerStore()
	writeBatches(batches[:len(batches)/2], s, ref)
	if s.conns.count != 0 || s.Stats().MemBytes >= ref.Stats().MemBytes {
		t.Fatalf("before any pair was asked: %d connections indexed, %d bytes against the eager store's %d",
			s.conns.count, s.Stats().MemBytes, ref.Stats().MemBytes)
	}
	var svc Entry
	if err := s.Snapshot().Load(s.Snapshot().First()+1, &svc, LoadIndex); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.PairOf(&svc); ok || s.conns.count != 0 {
		t.Fatalf("a pair asked of a %s line built the index (%d connections)", svc.Kind, s.conns.count)
	}
	checkSamePairs(t, s, ref)
	writeBatches(batches[len(batches)/2:], s, ref)
	checkSamePairs(t, s, ref)
	if s.Stats().MemBytes != ref.Stats().MemBytes {
		t.Errorf("the built index accounts %d bytes, the eager store %d", s.Stats().MemBytes, ref.Stats().MemBytes)
	}
}

// A connection's span asked before any pair builds the index too.
func TestConnSpanBuildsThePairIndex(t *testing.T) {
	s := NewStore(StoreOptions{})
	es := []Entry{analytics("c1", EventEstablished, t0), analytics("c1", EventClosed, t0.Add(time.Minute))}
	s.Append(es)
	opened, closed, from, to, ok := s.ConnSpan("c1")
	if !ok || opened != es[0].Seq || closed != es[1].Seq || !from.Equal(t0) || !to.Equal(t0.Add(time.Minute)) {
		t.Errorf("span %d %d %v %v (%v), want %d %d", opened, closed, from, to, ok, es[0].Seq, es[1].Seq)
	}
}

// The index is built while the writer goes on prepending and appending:
// what the writer stores during the build must be indexed once, by one or
// the other. The race detector watches the two.
func TestPairIndexBuiltWhileTheWriterWrites(t *testing.T) {
	for round := range 20 {
		batches := connectionBatches(300)
		s, ref := NewStore(StoreOptions{}), eagerStore()
		writeBatches(batches[:round], s, ref)
		ask := analytics("c0", EventEstablished, t0)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.PairOf(&ask)
		}()
		writeBatches(batches[round:], s)
		wg.Wait()
		writeBatches(batches[round:], ref)
		checkSamePairs(t, s, ref)
	}
}

// An event evicted before any pair was asked is still the partner of an
// event held, as it was when every event was indexed as it was stored: the
// index is built before the first eviction.
func TestPairIndexRemembersAnEventEvictedBeforeItWasAsked(t *testing.T) {
	budget := StoreOptions{MaxMemory: 3 * rowChunkBytes}
	s, ref := NewStore(budget), NewStore(budget)
	ref.connsOn = true
	opened := []Entry{analytics("c1", EventEstablished, t0)}
	closed := []Entry{analytics("c1", EventClosed, t0.Add(time.Hour))}
	filler := func(n int) []Entry {
		es := make([]Entry, n)
		for j := range es {
			es[j] = service(fmt.Sprint("filler ", j), t0.Add(time.Second))
		}
		return es
	}
	for _, st := range []*Store{s, ref} {
		st.Append(append([]Entry(nil), opened...))
		st.Append(filler(rowChunkRows - 1))
		st.Append(append([]Entry(nil), closed...))
		for st.Snapshot().Has(1) {
			st.Append(filler(1024))
		}
	}
	closed[0].Seq = rowChunkRows + 1
	if sn := s.Snapshot(); !sn.Has(closed[0].Seq) || sn.Kind(closed[0].Seq) != KindAnalytics {
		t.Fatal("the close was evicted too")
	}
	p, ok := s.PairOf(&closed[0])
	if !ok || p.Partner != 1 || !p.PartnerTime.Equal(t0) || p.PartnerEvent != EventEstablished {
		t.Errorf("the close pairs with %+v, want the evicted opening 1 at %v", p, t0)
	}
	checkSamePairs(t, s, ref)
}

// A store under a budget it is far from builds no index until asked; one
// nearing its budget builds it while a quarter is left, before it must
// evict, so that the room the index takes is made a chunk at a time.
func TestPairIndexUnderABudget(t *testing.T) {
	batches := connectionBatches(400)
	far := NewStore(StoreOptions{MaxMemory: 1 << 30})
	writeBatches(batches, far)
	if far.conns.count != 0 {
		t.Errorf("a store far from its budget indexed %d connections unasked", far.conns.count)
	}
	used := far.Stats().MemBytes
	// Raw bytes in chunks as large as far's, so that near's account at
	// the same point is far's.
	near := withArenaChunks(NewStore(StoreOptions{MaxMemory: used * 5 / 4}), arenaChunkBytes)
	writeBatches(batches, near)
	if st := near.Stats(); near.conns.count == 0 || st.Evicted != 0 {
		t.Errorf("a store at four fifths of its budget: %d connections indexed, %d entries evicted; want the index built and nothing evicted",
			near.conns.count, st.Evicted)
	}
}
