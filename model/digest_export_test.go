package model

import (
	"fmt"
	"hash"
	"unsafe"
)

// StoreDigest writes to h what the store holds: its arenas, symbols, row
// chunks and accounts, so that a test outside the package can tell two
// writers' stores apart byte for byte. The shared set cache and the key
// statistics are left out: which sets the cache hits depends on where the
// decoder's template strings lie in memory, and never changes the words.
func StoreDigest(s *Store, h hash.Hash) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.words.chunks {
		if c != nil {
			h.Write(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(c))), len(c)*4))
		}
	}
	for _, c := range s.values.chunks {
		h.Write(c)
	}
	for _, c := range s.arena.chunks {
		h.Write(c)
	}
	for id := uint32(0); id < s.syms.n; id++ {
		fmt.Fprintf(h, "%q,", symAt(s.syms.chunks, id))
	}
	for _, c := range s.rows {
		h.Write(unsafe.Slice((*byte)(unsafe.Pointer(c)), unsafe.Sizeof(*c)))
	}
	for _, r := range s.held {
		fmt.Fprintf(h, "%v %v %v %d %d;", r.bytes, r.values, r.words, r.dictLen, r.farLen)
	}
	fmt.Fprintf(h, "%d %d %d %d %d %d %d %d %v %v %d %v %v\n", s.base, s.first, s.end, s.lowest, s.added,
		s.mem, s.memUsed(), s.setBytes, s.kinds.sets, s.whole, len(s.sets), s.origins.list, s.origins.sources)
}
