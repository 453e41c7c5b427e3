package model

// A row keeps no offset of its own (see rowChunk): lines written one after
// another follow one another, in their file or in the byte arena. Each
// group of groupRows rows keeps, for each offset stream, an anchor: the
// offset of the first row of the stream written in the group, and how the
// stream's next rows lie from it. A row's offset is then found by walking
// from it to the anchor, or to a nearer far row of the stream, which holds
// its offset whole, adding the lengths of the stream's rows between.
//
// The rows of a group are written outward from the first one written (the
// store grows at both ends, one row at a time, a prepended batch from its
// end), so the rows between a row and its anchor are written before it,
// and never change after. Should a row be written past rows not yet
// written, its walk would cross a row of zeros: it is then given a far
// entry rather than an offset that the rows written later would change.

// anchor is a group's anchor for one stream:
//
//	offset - base:23 | row in group:4 | gap:2 | descending:1 | gap set:1 | set:1
//
// The gap is the bytes between one line and the next (a newline: 1; none
// in the arena); descending says that rows later in the group lie earlier
// (the arena's bytes of rows prepended at the store's front). The stream's
// second row sets both.
type anchor uint32

const (
	anchorRowShift  = offBits
	anchorGapShift  = anchorRowShift + 4
	anchorDesc      = 1 << (anchorGapShift + 2)
	anchorGapSet    = anchorDesc << 1
	anchorSet       = anchorGapSet << 1
	maxGap          = 3
	groupRowsMask   = groupRows - 1
	anchorFieldMask = 1<<anchorGapShift - 1 // offset and row
)

func newAnchor(off, row uint64) anchor {
	return anchor(off&offMask|row<<anchorRowShift) | anchorSet
}

func (a anchor) off() uint64      { return uint64(a) & offMask }
func (a anchor) row() uint64      { return uint64(a) >> anchorRowShift & groupRowsMask }
func (a anchor) gap() uint64      { return uint64(a) >> anchorGapShift & maxGap }
func (a anchor) descending() bool { return a&anchorDesc != 0 }
func (a anchor) gapSet() bool     { return a&anchorGapSet != 0 }
func (a anchor) set() bool        { return a&anchorSet != 0 }

// withGap returns a with its gap and direction set.
func (a anchor) withGap(gap uint64, desc bool) anchor {
	a = a&(anchorFieldMask|anchorSet) | anchor(gap<<anchorGapShift) | anchorGapSet
	if desc {
		a |= anchorDesc
	}
	return a
}

// offsetOf returns the offset of row i, a packed row of stream k, from its
// block's base of that stream (modulo 2^40).
func (c *rowChunk) offsetOf(i, k uint64) uint64 {
	off, _ := c.offsetWith(i, k, c.loadAnchor(i, k))
	return off
}

// offsetWith is offsetOf with the group's anchor a. It walks from row i to
// the anchor's row, or to a far row of the stream on the way, summing the
// lengths (and gaps) of the stream's rows between. Whether the sum is
// added to the stop's offset or taken from it depends on which side of the
// stop row i lies and on the stream's direction: walking toward lower
// offsets, row i's length counts and the stop's does not; else the other
// way round. It reports false when the walk crossed a row of zeros, which
// may not be written yet.
func (c *rowChunk) offsetWith(i, k uint64, a anchor) (uint64, bool) {
	g := i &^ groupRowsMask
	at := g + a.row()
	if i == at {
		return a.off(), true
	}
	step := uint64(1)
	if at < i {
		step = ^uint64(0) // -1
	}
	gap := a.gap()
	own := c.packedLen(i) + gap
	sum := own
	var stop, stopLen uint64
	for j := i + step; j-g < groupRows; j += step {
		t := c.ticks[j]
		if t == 0 {
			return 0, false
		}
		if t>>streamShift&1 != k {
			continue
		}
		if f := t & tickMask; f >= tickFar {
			if t>>lenShift != farInChain {
				continue
			}
			raw := c.far[f-tickFar].raw
			stop, stopLen = raw-c.offBase[j/baseRows][k], raw>>rawLenShift&rawLenMask
			break
		}
		if j == at {
			stop, stopLen = a.off(), c.packedLen(j)
			break
		}
		sum += c.packedLen(j) + gap
	}
	if (at > i) == a.descending() { // the stop lies before row i
		return (stop + stopLen + gap + sum - own) & rawOffMask, true
	}
	return (stop - sum) & rawOffMask, true
}

// packedLen returns the length of packed row j.
func (c *rowChunk) packedLen(j uint64) uint64 { return c.ticks[j] >> lenShift }

// placesAt reports whether anchor a places row i of stream k at off.
func (c *rowChunk) placesAt(i, k uint64, a anchor, off uint64) bool {
	got, ok := c.offsetWith(i, k, a)
	return ok && got == off
}

// chain reports whether row i, just packed in stream k at offset off from
// the base, is where its group's anchor puts it. The group's first row of
// the stream becomes its anchor; the second sets the anchor's gap and
// direction, to those that place it. cur is the row its writer chained
// last at the same end of the store, which it moves to row i.
func (c *rowChunk) chain(i, k, off uint64, cur *chainCursor) bool {
	a := c.loadAnchor(i, k)
	switch {
	case !a.set():
		a = newAnchor(off, i&groupRowsMask)
		c.storeAnchor(i, k, a)
		return cur.moveTo(c, i, a.off(), true) // the anchor's walk finds its offset as kept
	case a.gapSet():
		if at, ok := cur.beside(c, i, k, a); ok {
			return cur.moveTo(c, i, off, at == off)
		}
		return cur.moveTo(c, i, off, c.placesAt(i, k, a, off))
	}
	for _, desc := range [2]bool{false, true} {
		for gap := range uint64(maxGap + 1) {
			if try := a.withGap(gap, desc); c.placesAt(i, k, try, off) {
				c.storeAnchor(i, k, try)
				return cur.moveTo(c, i, off, true)
			}
		}
	}
	return cur.moveTo(c, i, off, false)
}

// rowCursor is the last row a run of reads unpacked (a view's scan reads
// rows in order): the next row's offset, when both are packed rows of one
// stream in one group, follows from it without a walk.
type rowCursor struct {
	c   *rowChunk // nil: no row yet
	i   uint64
	t   uint64 // its packed word
	off uint64 // its offset from its base
}

// getAfter is get for a read after cur's, which it then moves to row i.
// Of two neighbours of a stream in a group, the walk of the one further
// from the anchor crosses the other, so the offset of the next is the
// last's plus its length and gap (or, descending, minus the next's).
func (c *rowChunk) getAfter(i uint64, cur *rowCursor) row {
	r, t := c.head(i)
	if f := t & tickMask; f >= tickFar {
		r.raw = c.far[f-tickFar].raw
		return r // cur stays on the last packed row, which the next does not neighbour
	}
	k := t >> streamShift & 1
	var off uint64
	if cur.c == c && cur.i+1 == i && i&groupRowsMask != 0 && cur.t>>streamShift&1 == k {
		a := c.loadAnchor(i, k)
		if a.descending() {
			off = (cur.off - t>>lenShift - a.gap()) & rawOffMask
		} else {
			off = (cur.off + cur.t>>lenShift + a.gap()) & rawOffMask
		}
	} else {
		off = c.offsetOf(i, k)
	}
	*cur = rowCursor{c: c, i: i, t: t, off: off}
	r.raw = c.packedRaw(i, t, off)
	return r
}

// chainCursor is the row a writer chained last at one end of the store.
// The row written next at that end is mostly its neighbour, in its group
// and stream, and then lies from it as the walk from the new row, which
// steps over it first, would find (see getAfter): its offset is checked
// without the walk.
type chainCursor struct {
	refs  *chunkRefs // the chunk's writer state: which chunk the row is in
	valid bool
	i, t  uint64 // the row and its packed word
	off   uint64 // its offset from its base, as its walk finds it
}

// forChunk readies cur for rows of the chunk whose writer state is refs.
// A chunk is known by its writer state, not its address: a chunk mapped
// where an evicted one was has the same address.
func (cur *chainCursor) forChunk(refs *chunkRefs) {
	if cur.refs != refs {
		*cur = chainCursor{refs: refs}
	}
}

// moveTo records row i of c, at off, as the row chained last when placed
// is true, forgets it otherwise, and returns placed.
func (cur *chainCursor) moveTo(c *rowChunk, i, off uint64, placed bool) bool {
	if cur != nil {
		cur.valid, cur.i, cur.t, cur.off = placed, i, c.ticks[i], off
	}
	return placed
}

// beside returns the offset anchor a places row i of stream k at, when the
// cursor's row is its neighbour in its group and stream on the anchor's
// side: then the walk from row i steps over the cursor's row first, and
// on as the cursor's own walk went. Rows between a row and its anchor never
// change once written; the cursor's row is checked to be as it was.
func (cur *chainCursor) beside(c *rowChunk, i, k uint64, a anchor) (uint64, bool) {
	if cur == nil || !cur.valid || i/groupRows != cur.i/groupRows || c.ticks[cur.i] != cur.t || cur.t>>streamShift&1 != k {
		return 0, false
	}
	at := i&^groupRowsMask + a.row()
	// Row i lies past the cursor's row and its gap, or before it by its
	// own length and gap, as offsetWith counts them.
	past := cur.t>>lenShift + a.gap()
	before := c.ticks[i]>>lenShift + a.gap()
	switch {
	case cur.i+1 == i && at <= cur.i: // written after the cursor's row, the anchor before it
		if a.descending() {
			return (cur.off - before) & rawOffMask, true
		}
		return (cur.off + past) & rawOffMask, true
	case i+1 == cur.i && at >= cur.i: // written before it, the anchor after it
		if a.descending() {
			return (cur.off + past) & rawOffMask, true
		}
		return (cur.off - before) & rawOffMask, true
	}
	return 0, false
}
