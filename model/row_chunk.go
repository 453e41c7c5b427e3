package model

// A row chunk keeps rowChunkRows rows in 16 bytes each, outside the heap.
// A row's time is kept as its distance from the chunk's base time, and its
// attrs and meta words as an index into the chunk's dictionary: lines close
// in a file are close in time, and most of them (service lines) share their
// field set, level and origin with many others, so a chunk of 16,384 rows
// needs about a thousand dictionary entries. A row whose time is too far
// from the base (more than ±39 hours) keeps its time in a dictionary entry
// of its own.
type rowChunk struct {
	base int64 // unix nanoseconds; set before the first row (first: on a page rows use anyway)
	rows [rowChunkRows]packedRow
	dict [rowChunkRows]dictEntry // at most one new entry per row
}

// packedRow is a row as a chunk keeps it.
type packedRow struct {
	raw  uint64 // as row.raw
	tick uint64 // dictionary index:16 | time - chunk base:48
}

// dictEntry is what rows of a chunk share.
type dictEntry struct {
	attrs uint32
	meta  uint32
	time  int64 // the row's time when its distance from the base is tickFar
}

// Fields of packedRow.tick.
const (
	tickBits  = 48
	tickMask  = 1<<tickBits - 1
	tickFar   = tickMask            // the time is in the dictionary entry
	tickReach = 1 << (tickBits - 1) // the base is this far before the chunk's first time
)

// rowBytes is the size of one packed row, for the memory account; a
// chunk's dictionary entries are counted as they are added.
const (
	rowBytes       = 16
	dictEntryBytes = 16
)

// get unpacks row i.
func (c *rowChunk) get(i uint64) row {
	p := c.rows[i]
	d := c.dict[p.tick>>tickBits]
	t := d.time
	if delta := p.tick & tickMask; delta != tickFar {
		t = int64(uint64(c.base) + delta) // modular: exact wherever the base lies
	}
	return row{time: t, raw: p.raw, attrs: d.attrs, meta: d.meta}
}

// dictIndex returns the index of row i's dictionary entry, which holds
// what it shares with other rows of the chunk.
func (c *rowChunk) dictIndex(i uint64) uint64 { return c.rows[i].tick >> tickBits }

// rowWriter packs rows into chunks for the store's single writer: it keeps
// each chunk's dictionary length and, for the chunk last written at each
// end of the store, a cache that finds a shared entry again.
type rowWriter struct {
	recent [2]dictCache // by arenaSide
}

// dictCache maps (attrs, meta) to a dictionary entry of one chunk. It is
// direct-mapped: a collision only costs a duplicate entry.
type dictCache struct {
	chunk *rowChunk
	slots [1024]uint16 // entry index + 1; 0 = empty
}

// dictSlot is the cache slot of an (attrs, meta) pair.
func dictSlot(attrs, meta uint32) uint32 { return (attrs*0x9e3779b1 ^ meta*0x85ebca6b) >> 22 }

// put packs r into row i of chunk c, whose writer state is refs, and
// returns the bytes it added to the chunk's dictionary (0 or
// dictEntryBytes).
func (w *rowWriter) put(c *rowChunk, refs *chunkRefs, i int64, r row, side arenaSide) int64 {
	if refs.dictLen == 0 {
		c.base = int64(uint64(r.time) - tickReach)
	}
	delta := uint64(r.time) - uint64(c.base)
	cache := &w.recent[side]
	if cache.chunk != c {
		*cache = dictCache{chunk: c}
	}
	slot := &cache.slots[dictSlot(r.attrs, r.meta)]
	// The entry must be one of this chunk's: a chunk mapped where an
	// evicted one was has the cache's address but not its entries.
	if delta < tickFar && *slot != 0 && int64(*slot) <= refs.dictLen {
		if d := c.dict[*slot-1]; d.attrs == r.attrs && d.meta == r.meta {
			c.rows[i] = packedRow{raw: r.raw, tick: uint64(*slot-1)<<tickBits | delta}
			return 0
		}
	}
	n := refs.dictLen
	refs.dictLen++
	d := dictEntry{attrs: r.attrs, meta: r.meta}
	if delta >= tickFar {
		delta, d.time = tickFar, r.time
	} else {
		*slot = uint16(n + 1)
	}
	c.dict[n] = d
	c.rows[i] = packedRow{raw: r.raw, tick: uint64(n)<<tickBits | delta}
	return dictEntryBytes
}
