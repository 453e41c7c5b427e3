package model

import "unsafe"

// keyAddrSlots is the size of the writer's cache of field keys by address
// (a power of two): the keys of a connector's entries are a few dozen,
// and 256 slots of 40 bytes add 10 KiB to a store.
const (
	keyAddrBits  = 8
	keyAddrSlots = 1 << keyAddrBits
)

// keyAddrs spares the symbol cache the hashing of a field's key: a decoder
// hands the keys of its entries as the same few strings, so the cache is
// indexed by a key's address, and a slot is checked by comparing the key's
// bytes with the slot's copy, once per call of Append or Prepend. Within a
// call the entries are the caller's and do not change, and the strings they
// hold stay where they are (the heap does not move), so a key at the
// address and of the length of one met earlier in the call is that key,
// without a look at its bytes. Across calls the address alone says
// nothing: the caller may have reused the memory for other lines, or the
// collector freed it.
type keyAddrs struct {
	slots [keyAddrSlots]keyAddrSlot
}

type keyAddrSlot struct {
	addr  uintptr
	own   string // the symbol table's copy of the key
	call  uint32 // the writer's call the key was met in at addr (see putCalls)
	id    uint32
	flags uint8
}

// forget drops the calls the slots were stamped with (see putCalls.begin).
func (a *keyAddrs) forget() {
	for i := range a.slots {
		a.slots[i].call = 0
	}
}

// key returns the symbol and keyFlags of field key k, interned through c,
// in the writer's call numbered call (0: none, see putCalls).
func (c *symCache) key(t *symtab, k string, call uint32) (uint32, uint8) {
	p := uintptr(unsafe.Pointer(unsafe.StringData(k)))
	sl := &c.keys.slots[(uint64(p)*0x9e3779b97f4a7c15)>>(64-keyAddrBits)]
	if sl.addr == p && len(sl.own) == len(k) {
		if call != 0 && sl.call == call {
			return sl.id, sl.flags
		}
		if sl.own == k {
			sl.call = call
			return sl.id, sl.flags
		}
	}
	id, f := c.intern(t, keyContext, k, keyFlags)
	*sl = keyAddrSlot{addr: p, own: symAt(t.chunks, id), call: call, id: id, flags: f}
	return id, f
}
