package model

import (
	"strings"
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
func (s *Store) putAttrs(ws []uint32, shareable bool) uint32 {
	if !shareable {
		return s.words.put(ws)
	}
	key := unsafe.String((*byte)(unsafe.Pointer(&ws[0])), len(ws)*4)
	if ref, ok := s.sets[key]; ok && s.words.alive(ref) {
		s.words.referOffset(ref.off)
		return ref.off
	}
	off := s.words.put(ws)
	if len(s.sets) >= maxSharedSets {
		clear(s.sets)
		s.setBytes = 0
	}
	s.sets[strings.Clone(key)] = setRef{off: off, gen: s.words.genOf(off)}
	s.setBytes += int64(len(key)) + setOverhead
	return off
}

// setOverhead approximates a table entry's cost beyond its key.
const setOverhead = 48
