package model

import "unsafe"

// addrSymSlots is the size of the writer's caches of symbols by address (a
// power of two): the keys of a connector's entries are a few dozen, and
// the values an event's repeating parts bring (its connector, user,
// resource, location) a few dozen more in a call.
const (
	addrSymBits  = 9
	addrSymSlots = 1 << addrSymBits
)

// addrSyms spares the symbol cache the hashing and comparing of a string
// it interned earlier in the writer's current call: a decoder hands the
// keys of its entries as the same few strings, and the parts of events
// that repeat as the same strings too (the analytics memo's copies).
// Within a call the entries are the caller's and do not change, and the
// strings they hold stay where they are (the heap does not move), so a
// string at the address and of the length of one met earlier in the call
// is that string, whose symbol does not change (the table is never
// trimmed). Across calls the address alone says nothing: the caller may
// have reused the memory for other lines, or the collector freed it. (A
// slot that also kept the table's copy, to know a string met in an
// earlier call by its bytes, cost more than it saved: 7,890 instructions
// an entry of BenchmarkIngest against 7,847.)
type addrSyms struct {
	slots [addrSymSlots]addrSym
}

type addrSym struct {
	addr  uintptr
	n     int
	call  uint32 // the writer's call the string was met in (see putCalls); 0: none
	id    uint32
	flags uint8
}

// slot returns the slot of the string at p.
func (a *addrSyms) slot(p uintptr) *addrSym {
	return &a.slots[(uint64(p)*0x9e3779b97f4a7c15)>>(64-addrSymBits)]
}

// find returns the symbol and flags of s when it was met at its address in
// call.
func (a *addrSyms) find(s string, call uint32) (uint32, uint8, bool) {
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	sl := a.slot(p)
	if call == 0 || sl.call != call || sl.addr != p || sl.n != len(s) {
		return 0, 0, false
	}
	return sl.id, sl.flags, true
}

// note records that s, at its address, is symbol id with flags in call.
func (a *addrSyms) note(s string, id uint32, flags uint8, call uint32) {
	if call == 0 || s == "" {
		return
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	*a.slot(p) = addrSym{addr: p, n: len(s), call: call, id: id, flags: flags}
}

// forget drops the calls the slots were stamped with (see putCalls.begin).
func (a *addrSyms) forget() {
	for i := range a.slots {
		a.slots[i].call = 0
	}
}

// key returns the symbol and keyFlags of field key k, interned through c,
// in the writer's call numbered call (0: none, see putCalls).
func (c *symCache) key(t *symtab, k string, call uint32) (uint32, uint8) {
	if id, f, ok := c.keys.find(k, call); ok {
		return id, f
	}
	id, f := c.intern(t, keyContext, k, keyFlags)
	c.keys.note(k, id, f, call)
	return id, f
}
