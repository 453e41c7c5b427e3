package model

import (
	"fmt"
	"time"
)

// evictOverBudget drops the oldest chunks of entries (the front of the
// store) until the store is within its memory budget again, and returns how
// many entries it dropped. Whole row chunks go at once, so eviction is rare
// and cheap. The newest chunk is never evicted: the budget may be exceeded
// by at most one chunk rather than lose what the user is looking at. The
// caller says so with a gap entry (see putEvictionGap).
func (s *Store) evictOverBudget() int64 {
	if s.opt.MaxMemory <= 0 {
		return 0
	}
	// The connection index is built before the first eviction (see
	// conn_lazy.go), while a quarter of the budget is left: the room it
	// takes is then made a chunk at a time as the store grows, not by
	// evicting many chunks at once, whose memory goes only at the next
	// collection.
	if s.memUsed() > s.opt.MaxMemory/4*3 {
		s.buildConnsBeforeEviction()
	}
	var total int64
	for s.memUsed() > s.opt.MaxMemory && len(s.rows) > 1 {
		next := s.base + rowChunkRows // first position of the following chunk
		dropped := next - s.first
		refs := s.held[0]
		// Reslicing leaves older snapshots their own directory header: they
		// may still read the evicted rows, whose chunk stays alive for them.
		s.rows, s.held = s.rows[1:], s.held[1:]
		s.base, s.first = next, next
		s.mem -= refs.rowMem()
		s.arena.unref(refs.bytes)
		s.values.unref(refs.values)
		s.words.unref(refs.words)
		s.forgetConnsBefore(seqOf(next))
		s.evict += dropped
		total += dropped
	}
	return total
}

// evictionGap is the gap entry of n entries evicted: a query for kind:gap
// finds it, with the reason and the number of lines, and storing it counts
// them in the ledger like any gap a source reports.
func evictionGap(n int64) Entry {
	at := now()
	return Entry{Time: at, Kind: KindGap, Level: LevelWarn, Origin: Origin{Received: at, Offset: -1},
		Fields: Fields{Str(KeyGapReason, GapEvictionReason), Int(KeyGapCount, n),
			Str(KeyMessage, fmt.Sprintf("%d older lines dropped to stay within the memory budget (--max-memory)", n))}}
}

// gapEvery is how often at most a backfill under the budget writes an
// eviction gap entry: a file opened tail first may evict on every block it
// prepends, and one entry a second tells the same without burying the
// newest lines under thousands of them.
const gapEvery = time.Second

// putEvictionGap appends the gap entry of n entries just evicted, and of
// any still pending, after the newest entry: the loss happened now, and
// the lines lost were the oldest held. Evictions a Prepend forced wait in
// pendingGap (see deferEvictionGap).
func (s *Store) putEvictionGap(n int64) {
	n += s.pendingGap
	if n == 0 {
		return
	}
	s.pendingGap = 0
	s.gapPending.Store(false)
	e := evictionGap(n)
	s.lastGap = e.Time
	side := s.arena.side
	s.setSide(sideBack)
	s.put(&e, s.end)
	s.end++
	s.setSide(side)
}

// deferEvictionGap counts n entries a Prepend evicted and writes their gap
// entry once gapEvery has passed since the last one; Snapshot writes what
// is left when prepending stops (flushEvictionGap).
func (s *Store) deferEvictionGap(n int64) {
	if n == 0 {
		return
	}
	s.pendingGap += n
	s.gapPending.Store(true)
	if now().Sub(s.lastGap) >= gapEvery {
		s.putEvictionGap(0)
	}
}

// flushEvictionGap writes the pending eviction gap entry when gapEvery has
// passed since the last one, and publishes it. Any goroutine may call it:
// the store's lock serialises it with the writer.
func (s *Store) flushEvictionGap() {
	s.mu.Lock()
	wrote := s.pendingGap > 0 && now().Sub(s.lastGap) >= gapEvery
	if wrote {
		s.putEvictionGap(0)
	}
	s.mu.Unlock()
	if wrote {
		s.publish()
	}
}

// forgetConnsBefore drops the connections whose every seen event was
// evicted (their Seqs are below seq).
func (s *Store) forgetConnsBefore(seq int64) { s.conns.forgetBefore(seq) }

// EvictionBlock returns the block of entries seq belongs to. The store
// evicts whole blocks, oldest first, so a count kept per block (of the
// lines a filter hid, say) stays exact as entries go: the blocks a
// snapshot holds are those from EvictionBlock(sn.First()) on.
func EvictionBlock(seq int64) int64 {
	p := posOf(seq)
	if p < 0 { // a prepended entry: round down, not toward zero
		return (p+1)/rowChunkRows - 1
	}
	return p / rowChunkRows
}
