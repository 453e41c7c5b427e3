package model

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// The store's connection index pairs events for the detail pane, a pair
// jump, a connection's span and an export's pair columns. A file at level 7
// holds hundreds of thousands of connections: keeping the index as the file
// loaded took a tenth of the interface's memory (18 MiB of the 1 GiB
// benchmark corpus's 180) and a tenth of the writer's time, for an index
// many sessions never ask of. So the store builds it from the entries it
// holds when it is first asked, and from then on the writer indexes each
// entry it puts. Pairs do not depend on the order entries are indexed in
// (connIndex.add keeps the earliest of each), so an index built late is the
// index kept all along, with one exception it avoids: an evicted event is
// remembered only if it was indexed before it went, so the writer builds
// the index before the first eviction (when the store nears its budget,
// see evictOverBudget).

// pairIndex returns the connection index, built.
func (s *Store) pairIndex() *connIndex {
	s.connsOnce.Do(s.buildConns)
	return &s.conns
}

// buildConns turns the writer's indexing on and indexes what the store
// held at that moment. The writer is not held up while the entries are
// read: what it puts meanwhile it indexes itself, and what it evicts
// meanwhile is still in the snapshot read, and is forgotten afterwards as
// an eviction forgets it.
func (s *Store) buildConns() {
	s.mu.Lock()
	if s.connsOn { // built by the writer before an eviction
		s.mu.Unlock()
		return
	}
	s.connsOn = true
	sn, evicted := s.snapshotLocked(), s.dropped
	s.mu.Unlock()
	indexConns(&s.conns, sn)
	s.mu.Lock()
	if s.dropped != evicted {
		s.forgetConnsBefore(seqOf(s.first))
	}
	s.mu.Unlock()
}

// buildConnsBeforeEviction builds the index for the writer, which holds
// the lock, before it evicts for the first time; it does nothing once the
// index is built. It adds each event as it reads it, on the writer's
// goroutine: a store near its budget is short of memory, and the batches
// of a build on every CPU took some 4 MiB more at the peak of a load
// under a 128 MiB budget.
func (s *Store) buildConnsBeforeEviction() {
	if s.connsOn {
		return
	}
	s.connsOn = true
	sn := s.snapshotLocked()
	s.conns.mu.Lock()
	defer s.conns.mu.Unlock()
	forEachConnEvent(sn, sn.First(), sn.End(), connKeysOnly(sn), s.conns.note)
}

// indexConns adds the connection events of sn to c. The events are read,
// which is most of the work, by one goroutine per CPU, a span of Seqs at a
// time, and added by the caller as each span's come in: the index does not
// depend on their order. On the 1 GiB benchmark corpus (460,000 events
// among 6 M lines) one goroutine took 0.40 s, two take 0.26 s: most of the
// rest is the adding.
func indexConns(c *connIndex, sn *Snapshot) {
	only := connKeysOnly(sn)
	first, end := sn.First(), sn.End()
	spans := (end - first + connScanSpan - 1) / connScanSpan
	workers := min(int64(runtime.GOMAXPROCS(0)), spans)
	var next atomic.Int64
	found := make(chan []connEvent, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := next.Add(1) - 1; k < spans; k = next.Add(1) - 1 {
				from := first + k*connScanSpan
				var evs []connEvent
				forEachConnEvent(sn, from, min(from+connScanSpan, end), only, func(ev *connEvent) { evs = append(evs, *ev) })
				found <- evs
			}
		}()
	}
	go func() {
		wg.Wait()
		close(found)
	}()
	for evs := range found {
		c.mu.Lock()
		for i := range evs {
			c.note(&evs[i])
		}
		c.mu.Unlock()
	}
}

// connScanSpan is how many Seqs one goroutine reads at a time while the
// index is built: a few thousand events.
const connScanSpan = 1 << 16

// connKeysOnly is the set of the keys that pair an entry, with the
// pseudo-keys every load rebuilds.
func connKeysOnly(sn *Snapshot) symbolSet {
	keys := sn.symtab.lookupAll([]string{KeyConnID, KeyEventType, KeySessionID, KeyPhase}, nil)
	return newSymbolSet(sn.symtab.lookupAll(originKeys, keys))
}

// forEachConnEvent calls fn with each connection event among the entries
// from Seq from up to end, reading of each only the fields that pair it
// (only).
func forEachConnEvent(sn *Snapshot, from, end int64, only symbolSet, fn func(*connEvent)) {
	var e Entry
	for seq := from; seq < end; seq++ {
		if seq == 0 {
			continue
		}
		if k := sn.Kind(seq); k != KindAnalytics && k != KindSession {
			continue
		}
		if sn.load(seq, &e, LoadIndex, only) != nil {
			continue
		}
		if ev, ok := connEventOf(&e); ok {
			fn(&ev)
		}
	}
}
