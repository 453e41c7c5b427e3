package model

import "unsafe"

// fieldPlaces finds the set cache's slot of an entry's fields by where
// they lie, without reading them. The decoders hand all the lines of one
// module and function one shared slice of those fields (decode's
// serviceSets), and the entries of one Append or Prepend do not change
// while it runs (see Store.beginCall): fields that lie where the fields of
// an entry of the same call lay, as long, are those fields. The slot's
// template and kind are still compared (the table is keyed by where the
// template lies and the kind too, but only the fields' place is held in
// the slot), and its words still checked alive; anything else (another
// call, another place, a slot since given to other fields) takes the way
// through the fields' bytes (slotFor, holds). The cache cost a service
// line of BenchmarkIngest's load 226 instructions against 785 that way
// (callgrind).
type fieldPlaces struct {
	slots [fieldPlaceSlots]*setCacheSlot
}

// fieldPlaceSlots is the size of the table: a call holds the lines of a
// hundred or so pairs of module and function.
const (
	fieldPlaceBits  = 10
	fieldPlaceSlots = 1 << fieldPlaceBits
)

// slotOf returns the slot an entry of call was last put with whose fields
// lay where e's lie, with a template where t lies, or nil.
func (p *fieldPlaces) slotOf(e *Entry, t string, call uint32) *setCacheSlot {
	if call == 0 || len(e.Fields) == 0 {
		return nil
	}
	at := fieldsAddr(e.Fields)
	sl := p.slots[fieldPlaceSlot(at, t, e.Kind)]
	if sl == nil || sl.fieldsCall != call || sl.fieldsAt != at || sl.fieldsLen != len(e.Fields) {
		return nil
	}
	return sl
}

// note records that e, of call, with template t, was put with slot sl.
func (p *fieldPlaces) note(sl *setCacheSlot, e *Entry, t string, call uint32) {
	if call == 0 || len(e.Fields) == 0 {
		sl.fieldsCall = 0
		return
	}
	at := fieldsAddr(e.Fields)
	sl.fieldsAt, sl.fieldsLen, sl.fieldsCall = at, len(e.Fields), call
	p.slots[fieldPlaceSlot(at, t, e.Kind)] = sl
}

// fieldsAddr is where fs lies.
func fieldsAddr(fs Fields) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(fs))) }

// fieldPlaceSlot picks the table's slot of fields at address at with
// template t, of kind k: one module and function may have several
// templates, whose lines come mixed. The choice is all the addresses say;
// slotOf's caller still compares the template and the kind.
func fieldPlaceSlot(at uintptr, t string, k Kind) int {
	h := uint64(at>>4) ^ uint64(uintptr(unsafe.Pointer(unsafe.StringData(t))))*0x85EBCA6B ^ uint64(k)<<56
	h *= 0x9E3779B97F4A7C15 // Fibonacci hashing: the high bits mix all of h
	return int(h >> (64 - fieldPlaceBits))
}
