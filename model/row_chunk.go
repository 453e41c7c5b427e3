package model

// A row chunk keeps rowChunkRows rows in 12 bytes each, outside the heap.
// Lines close in a file are close in time and in the file, and most of them
// (service lines) share their field set, level and origin with many others.
// So a row keeps its time and its raw bytes' offset as distances from
// bases its block of baseRows rows shares (two for offsets, so that the
// lines of two files read together both fit), its length in 12 bits, and its
// attrs and meta words as an index into the chunk's dictionary: a chunk of
// 16,384 rows needs about a thousand dictionary entries. A row that does
// not fit (a time more than ±4.9 hours from its block's base, an offset
// more than ±4 MiB from both, a line of 4 KiB or more) keeps its time and
// raw word whole in a far entry of its own, which its offset bits number.
type rowChunk struct {
	// The bases of each block of baseRows rows, set as its first row is
	// written.
	timeBase [rowChunkRows / baseRows]int64     // unix nanoseconds
	offBase  [rowChunkRows / baseRows][2]uint64 // as row.offset; the second set by the first row the first does not reach
	based    [2]uint64                          // bit b: block b's time and offset base [k] are set
	ticks    [rowChunkRows]uint64               // time - base:45 | offset base:1 | dictionary index:14 | length's high bits:4
	locs     [rowChunkRows]uint32               // offset - base:23 | in file:1 | length's low bits:8; or far entry
	dict     [rowChunkRows]dictEntry            // at most one new entry per row
	far      [rowChunkRows]farRow               // only the few far rows touch it (and its pages)
}

// baseRows is how many rows share a time and an offset base.
const baseRows = 1024

// dictEntry is what rows of a chunk share.
type dictEntry struct {
	attrs uint32
	meta  uint32
}

// farRow is the time and raw word of a row that does not fit its packed
// form. Such rows are rare: a whole entry apiece costs less than a wider
// dictionary entry for every event's fields.
type farRow struct {
	time int64
	raw  uint64
}

// Fields of rowChunk.ticks and rowChunk.locs.
const (
	tickBits   = 45
	tickMask   = 1<<tickBits - 1
	tickFar    = tickMask            // the row's time and raw word are in its far entry
	tickReach  = 1 << (tickBits - 1) // the base is this far before its block's first time
	baseShift  = tickBits            // which offset base
	dictShift  = baseShift + 1
	dictMask   = 1<<14 - 1
	lenHiShift = dictShift + 14
	lenLoBits  = 8
	lenLimit   = 1 << 12 // lengths below it fit
	offBits    = 23
	offMask    = 1<<offBits - 1
	offReach   = 1 << (offBits - 1) // the base is this far before its block's first offset
	locInFile  = 1 << offBits
	lenLoShift = offBits + 1
)

// rowBytes is the size of one packed row, for the memory account; a
// chunk's dictionary and far entries are counted as they are added.
const (
	rowBytes       = 12
	dictEntryBytes = 8
	farRowBytes    = 16
)

// get unpacks row i.
func (c *rowChunk) get(i uint64) row {
	t, l := c.ticks[i], c.locs[i]
	d := c.dict[t>>dictShift&dictMask]
	r := row{attrs: d.attrs, meta: d.meta}
	if t&tickMask == tickFar {
		f := c.far[l]
		r.time, r.raw = f.time, f.raw
		return r
	}
	b := i / baseRows
	r.time = int64(uint64(c.timeBase[b]) + t&tickMask) // modular: exact wherever the base lies
	n := t>>lenHiShift<<lenLoBits | uint64(l>>lenLoShift)
	r.raw = (c.offBase[b][t>>baseShift&1]+uint64(l&offMask))&rawOffMask | n<<rawLenShift
	if l&locInFile != 0 {
		r.raw |= rawInFile
	}
	return r
}

// dictIndex returns the index of row i's dictionary entry, which holds
// what it shares with other rows of the chunk.
func (c *rowChunk) dictIndex(i uint64) uint64 { return c.ticks[i] >> dictShift & dictMask }

// pack returns row i's packed words for r, and false when r is too far
// from its block's bases (or too long) to be packed. The block's first row
// sets its bases; the first row that fits but for its offset sets the
// second offset base.
func (c *rowChunk) pack(i int64, r row) (tick uint64, loc uint32, ok bool) {
	b := i / baseRows
	if c.based[0]&(1<<b) == 0 {
		c.timeBase[b] = int64(uint64(r.time) - tickReach)
		c.setOffBase(b, 0, r.offset())
	}
	delta := uint64(r.time) - uint64(c.timeBase[b])
	n, _ := r.ownRawLen()
	if delta >= tickFar || n >= lenLimit {
		return 0, 0, false // checked first: such a row must not take the second offset base
	}
	k, off, near := c.offsetIn(b, r.offset())
	if !near {
		return 0, 0, false
	}
	loc = uint32(off) | uint32(n&(1<<lenLoBits-1))<<lenLoShift
	if r.inFile() {
		loc |= locInFile
	}
	return delta | k<<baseShift | uint64(n>>lenLoBits)<<lenHiShift, loc, true
}

// offsetIn returns which of block b's offset bases reaches offset o, and
// o's distance from it. The first offset the first base does not reach
// sets the second.
func (c *rowChunk) offsetIn(b int64, o uint64) (base, off uint64, ok bool) {
	for k := range uint64(2) {
		if c.based[k]&(1<<b) == 0 {
			c.setOffBase(b, k, o)
		}
		if d := (o - c.offBase[b][k]) & rawOffMask; d <= offMask {
			return k, d, true
		}
	}
	return 0, 0, false
}

// setOffBase sets block b's offset base k so that it reaches o.
func (c *rowChunk) setOffBase(b int64, k, o uint64) {
	c.offBase[b][k] = (o - offReach) & rawOffMask
	c.based[k] |= 1 << b
}

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
// returns the bytes it added to the chunk's dictionary and far entries.
func (w *rowWriter) put(c *rowChunk, refs *chunkRefs, i int64, r row, side arenaSide) int64 {
	var added int64
	tick, loc, near := c.pack(i, r)
	if !near {
		tick, loc = tickFar, uint32(refs.farLen)
		c.far[refs.farLen] = farRow{time: r.time, raw: r.raw}
		refs.farLen++
		added += farRowBytes
	}
	d, fresh := w.dictEntryOf(c, refs, r, side)
	if fresh {
		added += dictEntryBytes
	}
	c.ticks[i], c.locs[i] = tick|d<<dictShift, loc
	return added
}

// dictEntryOf returns the index of c's dictionary entry for r's attrs and
// meta, and whether it was added for r. An entry is found again through
// the cache of the end of the store r is written at (side).
func (w *rowWriter) dictEntryOf(c *rowChunk, refs *chunkRefs, r row, side arenaSide) (uint64, bool) {
	cache := &w.recent[side]
	if cache.chunk != c {
		*cache = dictCache{chunk: c}
	}
	slot := &cache.slots[dictSlot(r.attrs, r.meta)]
	// The entry must be one of this chunk's: a chunk mapped where an
	// evicted one was has the cache's address but not its entries.
	if *slot != 0 && int64(*slot) <= refs.dictLen {
		if d := c.dict[*slot-1]; d.attrs == r.attrs && d.meta == r.meta {
			return uint64(*slot - 1), false
		}
	}
	n := refs.dictLen
	refs.dictLen++
	c.dict[n] = dictEntry{attrs: r.attrs, meta: r.meta}
	*slot = uint16(n + 1)
	return uint64(n), true
}
