package model

import (
	"hash/maphash"
	"slices"
	"unsafe"
)

// maxSharedSets bounds the table of shared attribute sets. Past it the
// table is cleared and refilled: sets already shared stay valid, new
// entries just start sharing afresh.
const maxSharedSets = 1 << 16

// setRef is where a shared attribute set lives. gen is the word chunk's
// generation when the set was written: a released chunk's slot may be
// reused for other words, and then the reference is stale.
type setRef struct {
	off uint32
	gen uint32
}

// putAttrs stores an entry's attribute words and returns their offset.
// Sets made only of interned values are stored once: thousands of service
// lines share "module=libsdwan/quic function=quic_session::on_ack". The row
// chunk being written takes a reference on the shared set's word chunk, so
// eviction frees it only when no held entry uses it.
//
// The table of shared sets is keyed by a hash of the words, checked against
// the words stored: a copy of each set's words as a key cost more heap
// than the rest of the index's, and the collector marked it at every cycle.
// Two sets with one hash just share less: the newer takes the slot.
func (s *Store) putAttrs(ws []uint32, shareable bool) uint32 {
	if !shareable {
		return s.words.put(ws)
	}
	key := s.setKey(ws)
	if ref, ok := s.sets[key]; ok && s.words.alive(ref) && s.holdsWords(ref.off, ws) {
		s.words.referOffset(ref.off)
		return ref.off
	}
	off := s.words.put(ws)
	if len(s.sets) >= maxSharedSets {
		clear(s.sets)
		s.setBytes = 0
	}
	if _, ok := s.sets[key]; !ok {
		s.setBytes += setOverhead
	}
	s.sets[key] = setRef{off: off, gen: s.words.genOf(off)}
	return off
}

// setKey is the shared set table's key of words ws.
func (s *Store) setKey(ws []uint32) uint64 {
	return maphash.Bytes(s.setSeed, unsafe.Slice((*byte)(unsafe.Pointer(&ws[0])), len(ws)*4))
}

// holdsWords reports whether the words at off, in a chunk still alive,
// are ws.
func (s *Store) holdsWords(off uint32, ws []uint32) bool {
	held := wordsAt(s.words.chunks, off)
	return len(held) >= len(ws) && slices.Equal(held[:len(ws)], ws)
}

// setOverhead approximates a table entry's cost.
const setOverhead = 32
