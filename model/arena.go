package model

import "slices"

// Chunk sizes of the store's append-only arrays. Chunks are allocated whole
// and never grow, so a published chunk can be read without locks while the
// writer fills the part beyond what it has published.
const (
	rowChunkRows    = 1 << 14 // 16,384 rows (512 KiB) a chunk
	arenaChunkBytes = 4 << 20 // raw bytes kept in memory, 4 MiB a chunk
	wordChunkWords  = 1 << 16 // attribute words, 256 KiB a chunk
)

// byteArena holds raw bytes that cannot be re-read from a file. Offsets are
// global (chunk index << 32 | position) so they stay valid when old chunks
// are released. Chunks are allocated at full length and their slice headers
// never change afterwards: snapshots read them while the writer fills the
// rest of the last one.
type byteArena struct {
	chunks [][]byte // nil once released
	first  int      // index of the oldest chunk still held
	n      int      // bytes used in the last chunk
}

// put copies b into the arena and returns its global offset. A value larger
// than a chunk gets a chunk of its own.
func (a *byteArena) put(b []byte) uint64 {
	last := len(a.chunks) - 1
	if last < a.first || len(a.chunks[last])-a.n < len(b) {
		a.chunks = append(a.chunks, make([]byte, max(arenaChunkBytes, len(b))))
		last++
		a.n = 0
	}
	off := uint64(last)<<32 | uint64(a.n)
	a.n += copy(a.chunks[last][a.n:], b)
	return off
}

// mark returns an offset no later than the next put's.
func (a *byteArena) mark() uint64 {
	if len(a.chunks) == 0 {
		return 0
	}
	return uint64(len(a.chunks)-1)<<32 | uint64(a.n)
}

// get returns the n bytes at off (nil if that chunk was released).
func arenaGet(chunks [][]byte, off uint64, n uint32) []byte {
	ci, pos := int(off>>32), int(off&0xffffffff)
	if ci >= len(chunks) || chunks[ci] == nil {
		return nil
	}
	return chunks[ci][pos : pos+int(n) : pos+int(n)]
}

// releaseBelow drops every chunk before the one holding off.
func (a *byteArena) releaseBelow(off uint64) (freed int64) {
	if int(off>>32) <= a.first {
		return 0
	}
	a.chunks = slices.Clone(a.chunks) // snapshots share the old directory
	for ci := int(off >> 32); a.first < ci; a.first++ {
		freed += int64(cap(a.chunks[a.first]))
		a.chunks[a.first] = nil
	}
	return freed
}

// wordArena holds the attribute words of entries: per entry, a count word
// followed by four words per field (see attrs.go).
type wordArena struct {
	chunks [][]uint32
	n      int // words used in the last chunk
}

// put appends ws contiguously and returns the global word offset; offset 0
// is never returned, so it can mean "no attributes".
func (a *wordArena) put(ws []uint32) uint32 {
	if len(a.chunks) == 0 {
		a.chunks = append(a.chunks, make([]uint32, wordChunkWords))
		a.n = 1 // reserve offset 0
	}
	if a.n+len(ws) > wordChunkWords { // callers keep len(ws) far below a chunk (maxIndexedFields)
		a.chunks = append(a.chunks, make([]uint32, wordChunkWords))
		a.n = 0
	}
	last := len(a.chunks) - 1
	copy(a.chunks[last][a.n:], ws)
	off := uint32(last)*wordChunkWords + uint32(a.n)
	a.n += len(ws)
	return off
}

func wordsAt(chunks [][]uint32, off uint32) []uint32 {
	c := chunks[off/wordChunkWords]
	return c[off%wordChunkWords:]
}
