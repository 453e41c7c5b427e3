package model

import "time"

// evictOverBudget drops the oldest chunks of entries (the front of the
// store) until the store is within its memory budget again, and returns how
// many lines it dropped. Whole row chunks go at once, so eviction is rare
// and cheap. The newest chunk is never evicted: the budget may be exceeded
// by at most one chunk rather than lose what the user is looking at. The
// caller says so with the front gap (see keepFrontGap).
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
		n := s.dropFrontChunk()
		if n == 0 && len(s.rows) > 1 {
			// The front gap's own chunk: it goes with the lines after it,
			// or the gap would be written back into a chunk of its own at
			// every call.
			n = s.dropFrontChunk()
		}
		total += n
	}
	return total
}

// dropFrontChunk drops the oldest row chunk and returns how many lines went
// with it: the front gap, which it may hold, is none.
func (s *Store) dropFrontChunk() int64 {
	next := s.base + rowChunkRows // first position of the following chunk
	dropped := next - s.first
	if s.frontGap {
		dropped--
		s.frontGap = false
	}
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
	return dropped
}

// budgetFull reports whether the budget has cost lines: the store then
// holds the newest lines only, and no older line may join them.
func (s *Store) budgetFull() bool { return s.dropped > 0 }

// Full reports whether the memory budget has already cost older lines: a
// file read tail first may stop reading its head, none of which the store
// would keep. Any goroutine may call it.
func (s *Store) Full() bool { return s.full.Load() }

// keepFrontGap counts n more lines the budget cost (evicted, or refused at
// the front) and keeps the one gap entry that tells of them all in front
// of the oldest line held.
func (s *Store) keepFrontGap(n int64) {
	if n == 0 && (s.frontGap || !s.budgetFull()) {
		return
	}
	rewrite := s.budgetFull()
	if s.frontGap {
		// The gap is alone in its chunk: that chunk goes and a new one
		// holds the gap with its new count, as snapshots taken before
		// still read the old one.
		s.dropFrontChunk()
	}
	first := s.first
	at := now()
	if first < s.end {
		at = s.timeAt(first)
	}
	e := frontGapEntry(s.dropped+n, at)
	if rewrite {
		s.ledger.grow(GapEvictionReason, n, at)
	} else {
		s.ledger.add(GapEvictionReason, n, at)
	}
	s.dropped += n
	s.full.Store(true)
	// Its fields go with the newest lines', whose arena chunks are held
	// anyway: a chunk at the front would be held by the gap alone.
	side := s.arena.side
	s.setSide(sideBack)
	s.put(&e, first-1) // a row chunk of its own: first begins a chunk
	s.setSide(side)
	if rewrite {
		s.added-- // the same gap, written again
	}
	s.first = first - 1
	s.lowest = min(s.lowest, s.first)
	s.frontGap = true
	s.gapGen++
}

// timeAt returns the time of the row at position p, which the store holds.
func (s *Store) timeAt(p int64) time.Time {
	c, i, _ := s.slot(p)
	return timeOfRow(c.get(uint64(i)).time)
}

// frontGapEntry is the gap entry of n lines the budget cost, dated with the
// oldest line held (at): a query for kind:gap finds it, with the reason and
// the number of lines, and a time window that holds that line holds it.
func frontGapEntry(n int64, at time.Time) Entry {
	return Entry{Time: at, Kind: KindGap, Level: LevelWarn, Origin: Origin{Received: now(), Offset: -1},
		Fields: Fields{Str(KeyGapReason, GapEvictionReason), Int(KeyGapCount, n),
			Str(KeyMessage, EvictionMessage(n))}}
}

// refuse counts the entries of a backfill block that came once the budget
// was full: they are older than every line held, which the store keeps
// instead. A gap among them is counted as it says (a backfill that stopped
// reading says so with a gap of the memory budget's reason).
func (s *Store) refuse(es []Entry) int64 {
	var n int64
	for i := range es {
		e := &es[i]
		e.Seq = 0
		s.earliest.note(e)
		switch {
		case e.Kind == KindGap && e.Fields.Value(KeyGapReason) == GapEvictionReason:
			c, _ := e.Fields.Num(KeyGapCount)
			n += int64(c)
		case e.Kind == KindGap:
			c, _ := e.Fields.Num(KeyGapCount)
			s.ledger.add(e.Fields.Value(KeyGapReason), int64(c), e.Time)
		case !e.IsMark():
			n++
		}
	}
	return n
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
