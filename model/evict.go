package model

import "slices"

// evictOverBudget drops the oldest chunks of entries until the store is
// within its memory budget again, and counts what it dropped in the ledger.
// Whole row chunks go at once, so eviction is rare and cheap. The newest
// chunk is never evicted: the budget may be exceeded by at most one chunk
// rather than lose what the user is looking at.
func (s *Store) evictOverBudget() {
	if s.opt.MaxMemory <= 0 {
		return
	}
	for s.mem+s.syms.bytes+s.conns.bytes() > s.opt.MaxMemory {
		firstChunk := int((s.first - 1) / rowChunkRows)
		lastChunk := int((s.end - 2) / rowChunkRows)
		if firstChunk >= lastChunk {
			return
		}
		next := int64(firstChunk+1)*rowChunkRows + 1 // first Seq of the following chunk
		dropped := next - s.first
		// Copy the directory before dropping the chunk: older snapshots share
		// its backing array and may still read the evicted rows.
		s.rows = slices.Clone(s.rows)
		s.rows[firstChunk] = nil
		s.mem -= rowChunkRows * rowBytes
		s.first = next
		s.mem -= s.releaseArenaBefore(next)
		s.conns.forgetBefore(next)
		s.ledger.add(GapEvictionReason, dropped, now())
	}
}

// releaseArenaBefore frees the arena chunks written before the row chunk
// holding seq began: only older entries used them.
func (s *Store) releaseArenaBefore(seq int64) int64 {
	return s.arena.releaseBelow(s.chunkArena[(seq-1)/rowChunkRows])
}
