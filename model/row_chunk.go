package model

import "sync/atomic"

// A row chunk keeps rowChunkRows rows in 8.75 bytes each, outside the
// heap. Lines close in a file are close in time and in the file, and most
// of them (service lines) share their field set, level and origin with many
// others. So a row keeps its time as a distance from a base its group of
// groupRows rows shares, its length in 12 bits, and its attrs and meta
// words as an index into the chunk's dictionary: a chunk of 16,384 rows
// needs about a thousand dictionary entries.
//
// A row keeps no offset: one line follows another in its file (or in the
// byte arena), so a row's offset is its neighbour's, plus or minus the
// lengths between (see row_chain.go). A group keeps one offset for each of
// its block's two offset streams (two, so that the lines of two files read
// together both fit; or a file's lines and the held bytes of its joined
// entries).
//
// A row that does not fit (no time, a time more than ±68 s from its
// group's first, a line of 4 KiB or more, an offset no stream reaches or
// that does not follow the line before it) keeps its time and raw word
// whole in a far entry of its own, which its time bits number.
type rowChunk struct {
	// The bases of each block of baseRows rows, set as its first row is
	// written; a group's time base and anchors are near its block's.
	timeBase  [rowChunkRows / baseRows]int64      // unix nanoseconds
	offBase   [rowChunkRows / baseRows][2]uint64  // per stream: as row.raw's offset, and rawInFile when in a file; the second set by the first row the first does not reach
	based     [2]uint64                           // bit b: block b's time and offset base [k] are set
	ticks     [rowChunkRows]uint64                // time - group's base:37 | stream:1 | dictionary index:14 | length:12
	groupTime [rowChunkRows / groupRows]uint32    // (group's time base - block's) >> groupTimeShift, plus 1; 0 = not set
	anchors   [rowChunkRows / groupRows][2]uint32 // per group and stream: see anchor
	dict      [rowChunkRows]dictEntry             // at most one new entry per row
	far       [rowChunkRows]farRow                // only the few far rows touch it (and its pages)
}

// baseRows is how many rows share an offset base, and a base their
// groups' time bases are near; groupRows how many share a time base and
// an anchor of each offset stream.
const (
	baseRows  = 1024
	groupRows = 16
)

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

// Fields of rowChunk.ticks, and the reach of the time bases.
const (
	tickBits       = 37
	tickMask       = 1<<tickBits - 1
	tickFar        = tickMask + 1 - rowChunkRows // time bits from here on number a far entry
	tickReach      = 1 << (tickBits - 1)         // a group's base is this far before its first time
	streamShift    = tickBits
	dictShift      = streamShift + 1
	dictMask       = 1<<14 - 1
	lenShift       = dictShift + 14
	lenLimit       = 1 << 12 // lengths below it fit
	groupTimeShift = 13      // a group's time base is a multiple of 2^13 ns from its block's
	blockReach     = 1 << (32 + groupTimeShift - 1)
	offBits        = 23
	offMask        = 1<<offBits - 1
	offReach       = 1 << (offBits - 1) // the base is this far before its block's first offset
)

// farInChain, as a far row's length bits, marks a far row whose offset is
// in the stream its stream bit names: a chain may stop at it (see
// offsetWith).
const farInChain = 1

// Sizes for the memory account: a chunk's packed rows, time bases and
// anchors, counted as the chunk is added; its dictionary and far entries,
// as they are.
const (
	rowChunkBytes  = rowChunkRows*8 + rowChunkRows/groupRows*(4+2*4)
	dictEntryBytes = 8
	farRowBytes    = 16
)

// get unpacks row i.
func (c *rowChunk) get(i uint64) row {
	r, t := c.head(i)
	if f := t & tickMask; f >= tickFar {
		r.raw = c.far[f-tickFar].raw
		return r
	}
	k := t >> streamShift & 1
	r.raw = c.packedRaw(i, t, c.offsetOf(i, k))
	return r
}

// packedRaw returns the raw word of packed row i, whose packed word is t,
// at off from its stream's base.
func (c *rowChunk) packedRaw(i, t, off uint64) uint64 {
	base := c.offBase[i/baseRows][t>>streamShift&1]
	return (base+off)&rawOffMask | (t>>lenShift)<<rawLenShift | base&rawInFile
}

// rawLen returns the raw length row i holds (rawLenMask when it spilled
// into the row's fields), without the walk its offset takes.
func (c *rowChunk) rawLen(i uint64) uint64 {
	t := c.ticks[i]
	if f := t & tickMask; f >= tickFar {
		return c.far[f-tickFar].raw >> rawLenShift & rawLenMask
	}
	return t >> lenShift
}

// head unpacks row i but for its raw word, which a row's offset makes
// costlier to unpack than the rest; it returns the row's packed word too.
func (c *rowChunk) head(i uint64) (row, uint64) {
	t := c.ticks[i]
	d := c.dict[t>>dictShift&dictMask]
	r := row{attrs: d.attrs, meta: d.meta}
	if f := t & tickMask; f >= tickFar {
		r.time = c.far[f-tickFar].time
	} else {
		r.time = int64(c.groupBase(i) + f) // modular: exact wherever the base lies
	}
	return r, t
}

// groupBase returns the time base of row i's group.
func (c *rowChunk) groupBase(i uint64) uint64 {
	return uint64(c.timeBase[i/baseRows]) + uint64(c.groupTime[i/groupRows]-1)<<groupTimeShift
}

// dictIndex returns the index of row i's dictionary entry, which holds
// what it shares with other rows of the chunk.
func (c *rowChunk) dictIndex(i uint64) uint64 { return c.ticks[i] >> dictShift & dictMask }

// pack packs r into row i with dictionary entry d, and reports whether it
// fit; when it did not, row i is left for putFar. The block's first row
// sets its bases, and a group's first row within its block's reach the
// group's time base; the first row that fits but for its offset sets the
// block's second offset base.
func (c *rowChunk) pack(i uint64, r row, d uint64, cur *chainCursor) bool {
	if r.time == noTime {
		// A row without a time is far from every time: as its block's or
		// group's first, it would set a base that no timed row after it
		// reaches.
		return false
	}
	b := i / baseRows
	if c.based[0]&(1<<b) == 0 {
		c.timeBase[b] = int64(uint64(r.time) - blockReach)
		c.setOffBase(b, 0, r.offset(), r.inFile())
	}
	if !c.timeGroup(i, r.time) {
		return false
	}
	delta := uint64(r.time) - c.groupBase(i)
	n, _ := r.ownRawLen()
	if delta >= tickFar || n >= lenLimit {
		return false // checked first: such a row must not take the second offset base
	}
	k, off, near := c.offsetIn(b, r.offset(), r.inFile(), true)
	if !near {
		return false
	}
	c.ticks[i] = delta | k<<streamShift | d<<dictShift | uint64(n)<<lenShift
	return c.chain(i, k, off, cur)
}

// timeGroup reports whether row i's group has a time base, giving it one
// near t when t is within its block's reach.
func (c *rowChunk) timeGroup(i uint64, t int64) bool {
	g := &c.groupTime[i/groupRows]
	if *g != 0 {
		return true
	}
	rel := uint64(t) - tickReach - uint64(c.timeBase[i/baseRows])
	if rel >= 2*blockReach-1<<groupTimeShift {
		return false
	}
	*g = uint32(rel>>groupTimeShift) + 1
	return true
}

// putFar packs r into row i as far entry f, with dictionary entry d. A far
// row whose offset a stream of its block reaches is marked as a place
// where that stream's chain may stop.
func (c *rowChunk) putFar(i uint64, r row, d uint64, f int64) {
	c.far[f] = farRow{time: r.time, raw: r.raw}
	c.ticks[i] = (tickFar + uint64(f)) | d<<dictShift
	if _, ok := r.ownRawLen(); !ok {
		return // its length is with its fields: no chain can step over it
	}
	if k, _, near := c.offsetIn(i/baseRows, r.offset(), r.inFile(), false); near {
		c.ticks[i] |= k<<streamShift | farInChain<<lenShift
	}
}

// offsetIn returns which of block b's offset streams reaches offset o (in
// a file or not), and o's distance from its base. With claim, the first
// offset the first base does not reach sets the second.
func (c *rowChunk) offsetIn(b uint64, o uint64, inFile, claim bool) (stream, off uint64, ok bool) {
	for k := range uint64(2) {
		if c.based[k]&(1<<b) == 0 {
			if !claim {
				break
			}
			c.setOffBase(b, k, o, inFile)
		}
		base := c.offBase[b][k]
		if d := (o - base) & rawOffMask; d <= offMask && (base&rawInFile != 0) == inFile {
			return k, d, true
		}
	}
	return 0, 0, false
}

// setOffBase sets block b's offset base k so that it reaches o.
func (c *rowChunk) setOffBase(b, k, o uint64, inFile bool) {
	c.offBase[b][k] = (o - offReach) & rawOffMask
	if inFile {
		c.offBase[b][k] |= rawInFile
	}
	c.based[k] |= 1 << b
}

// loadAnchor returns the anchor of row i's group for stream k. Readers of
// the group's published rows may read it while the writer completes it.
func (c *rowChunk) loadAnchor(i, k uint64) anchor {
	return anchor(atomic.LoadUint32(&c.anchors[i/groupRows][k]))
}

func (c *rowChunk) storeAnchor(i, k uint64, a anchor) {
	atomic.StoreUint32(&c.anchors[i/groupRows][k], uint32(a))
}

// rowWriter packs rows into chunks for the store's single writer: it keeps
// each chunk's dictionary length and, for the chunk last written at each
// end of the store, a cache that finds a shared entry again.
type rowWriter struct {
	recent  [2]dictCache   // by arenaSide
	chained [2]chainCursor // by arenaSide
	// noCursor has every row's offset checked by the walk from it (tests
	// compare the two).
	noCursor bool
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
	d, fresh := w.dictEntryOf(c, refs, r, side)
	if fresh {
		added += dictEntryBytes
	}
	cur := &w.chained[side]
	cur.forChunk(refs)
	if w.noCursor {
		cur = nil
	}
	if !c.pack(uint64(i), r, d, cur) {
		c.putFar(uint64(i), r, d, refs.farLen)
		refs.farLen++
		added += farRowBytes
	}
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
