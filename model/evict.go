package model

// evictOverBudget drops the oldest chunks of entries (the front of the
// store) until the store is within its memory budget again, and counts what
// it dropped in the ledger. Whole row chunks go at once, so eviction is rare
// and cheap. The newest chunk is never evicted: the budget may be exceeded
// by at most one chunk rather than lose what the user is looking at.
func (s *Store) evictOverBudget() {
	if s.opt.MaxMemory <= 0 {
		return
	}
	for s.memUsed() > s.opt.MaxMemory && len(s.rows) > 1 {
		next := s.base + rowChunkRows // first position of the following chunk
		dropped := next - s.first
		refs := s.held[0]
		// Reslicing leaves older snapshots their own directory header: they
		// may still read the evicted rows, whose chunk stays alive for them.
		s.rows, s.held = s.rows[1:], s.held[1:]
		s.base, s.first = next, next
		s.mem -= rowChunkRows * rowBytes
		s.arena.unref(refs.bytes)
		s.words.unref(refs.words)
		s.forgetConnsBefore(seqOf(next))
		s.evict += dropped
		s.ledger.add(GapEvictionReason, dropped, now())
	}
}

// forgetConnsBefore drops the connections whose every seen event was
// evicted (their Seqs are below seq). A Seq of 0 means "not seen"; Seqs of
// prepended entries are negative, so 0 cannot be compared as a position.
func (s *Store) forgetConnsBefore(seq int64) {
	c := &s.conns
	c.mu.Lock()
	defer c.mu.Unlock()
	gone := func(x int64) bool { return x == 0 || x < seq }
	for id, st := range c.byID {
		if gone(st.opened) && gone(st.closed) {
			delete(c.byID, id)
			c.count--
		}
	}
}
