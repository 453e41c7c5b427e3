package model

import (
	"runtime"
	"unsafe"
)

// connTable finds a connection's record by its id. It is an open-addressing
// table with linear probing whose slots hold record numbers plus one (0 is
// an empty slot), kept outside the heap like the records: a file at level
// 7 holds hundreds of thousands of connections, and a Go map keyed by the
// id strings was the largest thing on the heap while loading one (which
// the collector's goal then doubled). A slot's id is compared in full, so
// ids whose hashes collide are simply further along the probe.
type connTable struct {
	slots []uint32
	pin   *mapping
	used  int
}

// connTableMin is the table's first size, in slots (a power of two).
const connTableMin = 1 << 10

// find returns the record whose id is id, hashed h.
func (t *connTable) find(c *connIndex, h uint64, id string) (int32, bool) {
	if t.used == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := t.slots[j]
		if s == 0 {
			return 0, false
		}
		if c.idOf(int32(s-1)) == id {
			return int32(s - 1), true
		}
	}
}

// insert places record i, whose id hashes to h; the id must not be in
// the table yet.
func (t *connTable) insert(c *connIndex, h uint64, i int32) {
	if 2*(t.used+1) > len(t.slots) {
		t.grow(c)
	}
	t.place(h, i)
	t.used++
}

// place puts record i in the first empty slot from h.
func (t *connTable) place(h uint64, i int32) {
	mask := uint64(len(t.slots) - 1)
	j := h & mask
	for t.slots[j] != 0 {
		j = (j + 1) & mask
	}
	t.slots[j] = uint32(i) + 1
}

// grow doubles the table (or makes the first one) and places every record
// again. The old slots are read through until the end: their mapping is
// unmapped once unreachable, and a slice of mapped memory does not keep it
// reachable (oldPin does).
func (t *connTable) grow(c *connIndex) {
	old, oldPin := t.slots, t.pin
	t.slots, t.pin = mappedSlice[uint32](max(connTableMin, 2*len(old)))
	for _, s := range old {
		if s != 0 {
			t.place(c.hashOf(c.idOf(int32(s-1))), int32(s-1))
		}
	}
	runtime.KeepAlive(oldPin)
}

// remove takes record i, whose id hashes to h, out of the table. The slots
// after it in its run move back where their probe allows (backward-shift
// deletion), so that no search stops early at the hole.
func (t *connTable) remove(c *connIndex, h uint64, i int32) {
	mask := uint64(len(t.slots) - 1)
	j := h & mask
	for t.slots[j] != uint32(i)+1 {
		if t.slots[j] == 0 {
			return // not in the table
		}
		j = (j + 1) & mask
	}
	t.slots[j] = 0
	t.used--
	for k := (j + 1) & mask; t.slots[k] != 0; k = (k + 1) & mask {
		home := c.hashOf(c.idOf(int32(t.slots[k]-1))) & mask
		// The slot at k may fill the hole at j unless its home lies
		// cyclically in (j, k]: then it is already as close as it can be.
		if (k > j && (home <= j || home > k)) || (k < j && home <= j && home > k) {
			t.slots[j], t.slots[k] = t.slots[k], 0
			j = k
		}
	}
}

// connIDs holds the connections' ids in shared blocks, so that an id costs
// its bytes rather than an allocation of its own, and a record outside the
// heap names its id by an idRef. A block is freed once every id in it has
// been dropped (a follow that forgets ended connections keeps only the
// blocks of the open ones).
type connIDs struct {
	blocks []idBlock
	cur    int // the block short ids are appended to; -1 for none
}

// idBlock is one block of ids and how many of them are still kept. A
// block of short ids lives outside the heap, which would otherwise count
// the ids of every open connection twice towards its collection goal.
type idBlock struct {
	buf  []byte
	pin  *mapping // keeps buf mapped; nil for a long id's own block
	live int32
}

// idRef names an id: its block (32 bits), offset (16) and length (16). The
// zero idRef names none: no id is empty.
type idRef uint64

// Sizes of the blocks ids are copied into: short ids share a block, a
// longer one has a block of its own, and one longer than maxConnIDLen is
// not indexed at all (its events are not paired).
const (
	idBlockBytes = 64 << 10
	idShortMax   = idBlockBytes / 16
	maxConnIDLen = 1<<16 - 1
)

func newConnIDs() connIDs { return connIDs{cur: -1} }

// put copies id (1 to maxConnIDLen bytes) into a block.
func (s *connIDs) put(id string) idRef {
	if len(id) > idShortMax {
		s.blocks = append(s.blocks, idBlock{buf: []byte(id), live: 1})
		return makeIDRef(len(s.blocks)-1, 0, len(id))
	}
	if s.cur < 0 || cap(s.blocks[s.cur].buf)-len(s.blocks[s.cur].buf) < len(id) {
		if s.cur >= 0 && s.blocks[s.cur].live == 0 {
			s.blocks[s.cur].release()
		}
		buf, pin := mappedSlice[byte](idBlockBytes)
		s.blocks = append(s.blocks, idBlock{buf: buf[:0], pin: pin})
		s.cur = len(s.blocks) - 1
	}
	b := &s.blocks[s.cur]
	off := len(b.buf)
	b.buf = append(b.buf, id...)
	b.live++
	return makeIDRef(s.cur, off, len(id))
}

func makeIDRef(block, off, n int) idRef {
	return idRef(uint64(block)<<32 | uint64(off)<<16 | uint64(n))
}

// at returns the id r names, over the block's bytes: valid until it is
// dropped, and to be used only while the caller holds the index's lock.
func (s *connIDs) at(r idRef) string {
	b := s.blocks[r>>32].buf
	return unsafe.String(&b[r>>16&0xffff], int(r&0xffff))
}

// drop lets go of the id r names, and of its block with its last id.
func (s *connIDs) drop(r idRef) {
	k := int(r >> 32)
	b := &s.blocks[k]
	if b.live--; b.live == 0 && k != s.cur {
		b.release()
	}
}

// release lets go of the block's bytes: the mapping is unmapped once
// collected.
func (b *idBlock) release() { b.buf, b.pin = nil, nil }
