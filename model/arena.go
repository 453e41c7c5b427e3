package model

import (
	"slices"
	"unsafe"
)

// Chunk sizes of the store's arrays. Chunks are allocated whole and never
// grow, so a published chunk can be read without locks while the writer
// fills the part beyond what it has published.
const (
	rowChunkRows    = 1 << 14   // 16,384 rows (152 KiB and a dictionary) a chunk
	arenaChunkBytes = 4 << 20   // raw bytes kept in memory, 4 MiB a chunk (less under a small budget: arenaChunkFor)
	valueChunkBytes = 256 << 10 // field values, 256 KiB a chunk
	wordChunkWords  = 1 << 16   // attribute words, 256 KiB a chunk
)

// arenaSide says which end of the store an arena write belongs to. Entries
// appended at the back and entries prepended at the front fill chunks of
// their own, so that evicting the front (the oldest entries, which a tail
// first backfill keeps prepending) frees whole chunks while the back is
// still in use.
type arenaSide uint8

const (
	sideBack arenaSide = iota
	sideFront
)

// chunkRefs lists the arena chunks one row chunk's entries wrote into: the
// row chunk holds a reference on each until it is evicted.
type chunkRefs struct {
	bytes  []int32
	values []int32
	words  []int32
	mem    *mapping // the row chunk's own memory
	// dictLen and farLen are how many dictionary and far entries the
	// chunk's rows use; only the writer reads them.
	dictLen, farLen int64
	// times is the span of the chunk's rows' times (see HeldSpan); only
	// the writer reads it.
	times timeSpan
}

// rowMem is what the row chunk counts for in the memory account: its
// packed rows and the entries they added.
func (refs *chunkRefs) rowMem() int64 {
	return rowChunkBytes + refs.dictLen*dictEntryBytes + refs.farLen*farRowBytes
}

// chunked is an arena of fixed chunks with reference counts. Values are
// addressed by chunk index and position, which never change: a released
// chunk's slot is set to nil in a fresh copy of the directory, so snapshots
// holding the old directory go on reading it. A chunk is released when no
// row chunk refers to it any more and neither side is filling it.
type chunked[T byte | uint32] struct {
	chunks   [][]T      // the directory; nil once released
	maps     []*mapping // off-heap arenas: each chunk's memory, aligned with chunks
	offHeap  bool       // chunks are mappings (see offheap.go), not heap slices
	refs     []int32    // per chunk: how many row chunks refer to it
	gens     []uint32   // per chunk slot: bumped each time the slot gets a new chunk
	size     int        // elements a chunk holds
	cur      [2]int     // per side: the chunk being filled, -1 for none
	n        [2]int     // per side: elements used in it
	side     arenaSide
	owner    *[]int32 // the references of the row chunk being written
	free     []int    // released slots, reused so that indexes stay small
	live     int64    // bytes held by chunks not released
	putBytes int64    // bytes ever put, for the store's account
}

func newChunked[T byte | uint32](size int) chunked[T] {
	return chunked[T]{size: size, cur: [2]int{-1, -1}}
}

// reserve returns where len(vals) elements go and copies them there. A
// value larger than a chunk gets a chunk of its own.
func (a *chunked[T]) reserve(vals []T) (ci, pos int) {
	s := a.side
	ci = a.cur[s]
	if ci < 0 || len(a.chunks[ci])-a.n[s] < len(vals) {
		old := ci
		// One more than the value: if the chunk lands in slot 0 its first
		// element is skipped (below), and a value as long as a chunk would
		// otherwise be copied one element short.
		ci = a.allocate(max(a.size, len(vals)+1))
		a.cur[s], a.n[s] = ci, 0
		if ci == 0 {
			a.n[s] = 1 // offset 0 is never handed out: the word arena uses it for "none"
		}
		a.releaseIfUnused(old)
	}
	pos = a.n[s]
	a.n[s] += copy(a.chunks[ci][pos:], vals)
	a.refer(ci)
	a.putBytes += int64(len(vals)) * a.elemBytes()
	return ci, pos
}

// allocate adds a chunk of n elements, in a released slot when there is
// one: the word arena's offsets are 32 bits, so slots must not run out on a
// long follow that evicts as it goes. A reused slot is written in a copy of
// the directory, since snapshots share the old one.
func (a *chunked[T]) allocate(n int) int {
	c, m := a.newChunk(n)
	a.live += int64(n) * a.elemBytes()
	if k := len(a.free); k > 0 {
		ci := a.free[k-1]
		a.free = a.free[:k-1]
		a.cloneDirectory()
		a.chunks[ci], a.refs[ci] = c, 0
		if a.offHeap {
			a.maps[ci] = m
		}
		a.gens[ci]++
		return ci
	}
	a.chunks = append(a.chunks, c)
	if a.offHeap {
		a.maps = append(a.maps, m)
	}
	a.refs = append(a.refs, 0)
	a.gens = append(a.gens, 0)
	return len(a.chunks) - 1
}

// newChunk returns a chunk of n elements, and its mapping when the arena
// is off the heap.
func (a *chunked[T]) newChunk(n int) ([]T, *mapping) {
	if a.offHeap {
		return mappedSlice[T](n)
	}
	return make([]T, n), nil
}

// cloneDirectory gives the arena a directory of its own before it changes
// a slot: snapshots share the old one.
func (a *chunked[T]) cloneDirectory() {
	a.chunks = slices.Clone(a.chunks)
	if a.offHeap {
		a.maps = slices.Clone(a.maps)
	}
}

func (a *chunked[T]) elemBytes() int64 {
	var zero T
	return int64(unsafe.Sizeof(zero))
}

// refer records that the row chunk being written uses chunk ci.
func (a *chunked[T]) refer(ci int) {
	if a.owner == nil {
		return
	}
	refs := *a.owner
	if n := len(refs); n > 0 && refs[n-1] == int32(ci) || slices.Contains(refs, int32(ci)) {
		return
	}
	*a.owner = append(refs, int32(ci))
	a.refs[ci]++
}

// unref drops one row chunk's references and releases the chunks nothing
// refers to any more.
func (a *chunked[T]) unref(cis []int32) {
	for _, ci := range cis {
		a.refs[ci]--
		a.releaseIfUnused(int(ci))
	}
}

// releaseIfUnused frees chunk ci when no row chunk refers to it and no side
// is filling it.
func (a *chunked[T]) releaseIfUnused(ci int) {
	if ci < 0 || a.refs[ci] > 0 || ci == a.cur[sideBack] || ci == a.cur[sideFront] || a.chunks[ci] == nil {
		return
	}
	a.live -= int64(cap(a.chunks[ci])) * a.elemBytes()
	a.cloneDirectory()
	a.chunks[ci] = nil
	if a.offHeap {
		a.maps[ci] = nil // the memory goes when no snapshot holds it either
	}
	a.free = append(a.free, ci)
}

// byteArena holds raw bytes that cannot be re-read from a file, or field
// values too unique to intern. Offsets are chunk index << 24 | position: 40
// bits, to fit a row (a position is below a chunk's 4 MiB at most, or 1 in
// a chunk of its own; released slots are reused, so indexes stay far below
// 2^16).
type byteArena struct{ chunked[byte] }

func newByteArena(budget int64) byteArena { return byteArena{newChunked[byte](arenaChunkFor(budget))} }

// arenaChunkFor is the size of the raw bytes' chunks of a store whose
// budget is budget (0: none): arenaChunkBytes, or less under a small
// budget. The store frees a chunk only once no row chunk it keeps refers
// to it, so what it holds is whole chunks: under --max-memory 80MiB (16
// MiB for entries), chunks of 4 MiB left room for one or two of them,
// 17,583 to 36,390 lines of a piped log, 15 MiB by the meter for 4 MB of
// text. A sixty-fourth of the budget, at least minArenaChunkBytes.
func arenaChunkFor(budget int64) int {
	if budget <= 0 {
		return arenaChunkBytes
	}
	return int(min(max(budget/64, minArenaChunkBytes), arenaChunkBytes))
}

// minArenaChunkBytes is the least chunk of raw bytes: over a thousand
// lines of a connector's log.
const minArenaChunkBytes = 256 << 10

// newValueArena returns an empty arena for field values, off the heap:
// values are copied out of it when an entry is loaded, so no slice of it
// outlives the snapshot that reads it (raw bytes are handed out as they
// lie, so their arena stays on the heap).
func newValueArena() byteArena {
	a := newChunked[byte](valueChunkBytes)
	a.offHeap = true
	return byteArena{a}
}

// put copies b into the arena and returns its offset.
func (a *byteArena) put(b []byte) uint64 {
	if len(b) == 0 {
		return 0
	}
	ci, pos := a.reserve(b)
	return uint64(ci)<<arenaPosBits | uint64(pos)
}

// arenaPosBits is how many bits of a byte-arena offset are the position.
const arenaPosBits = 24

// arenaGet returns the n bytes at off (nil if that chunk was released).
func arenaGet(chunks [][]byte, off uint64, n int) []byte {
	if n == 0 {
		return []byte{}
	}
	ci, pos := int(off>>arenaPosBits), int(off&(1<<arenaPosBits-1))
	if ci >= len(chunks) || chunks[ci] == nil {
		return nil
	}
	return chunks[ci][pos : pos+n : pos+n]
}

// wordArena holds the attribute words of entries: per entry, a count word
// followed by two to four words per field (see attrs.go). Offsets are global word
// indexes (chunk index * wordChunkWords + position).
type wordArena struct{ chunked[uint32] }

// newWordArena returns an empty word arena, off the heap: the words are
// the largest part of the index after the rows, and hold no pointers.
func newWordArena() wordArena {
	a := newChunked[uint32](wordChunkWords)
	a.offHeap = true
	return wordArena{a}
}

// put appends ws contiguously and returns the global word offset; offset 0
// is never returned, so it can mean "no attributes". Callers keep len(ws)
// far below a chunk (maxIndexedFields).
func (a *wordArena) put(ws []uint32) uint32 {
	ci, pos := a.reserve(ws)
	return uint32(ci)*wordChunkWords + uint32(pos)
}

// next returns the offset the next put of n words gets, and false when it
// would begin a chunk (whose slot is not known before).
func (a *wordArena) next(n int) (uint32, bool) {
	ci := a.cur[a.side]
	if ci < 0 || len(a.chunks[ci])-a.n[a.side] < n {
		return 0, false
	}
	return uint32(ci)*wordChunkWords + uint32(a.n[a.side]), true
}

// genOf returns the generation of the chunk holding off.
func (a *wordArena) genOf(off uint32) uint32 { return a.gens[off/wordChunkWords] }

// alive reports whether a shared set still sits where it was written.
func (a *wordArena) alive(ref setRef) bool {
	ci := ref.off / wordChunkWords
	return a.chunks[ci] != nil && a.gens[ci] == ref.gen
}

// referOffset makes the row chunk being written refer to the chunk holding
// off, as if it had written there.
func (a *wordArena) referOffset(off uint32) { a.refer(int(off / wordChunkWords)) }

func wordsAt(chunks [][]uint32, off uint32) []uint32 {
	c := chunks[off/wordChunkWords]
	return c[off%wordChunkWords:]
}
