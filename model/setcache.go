package model

import "unsafe"

// setCacheSlots is the size of the writer's cache of shared sets (a power
// of two). A level-7 connector's service lines make about a hundred sets of
// module, function and template, each in two slots (each decoding worker
// has its own copy of a template, see slotFor). In 1,024 slots, sets that
// took one slot in turn made the lines of the 1 GiB corpus miss 93,009
// times even without templates; in 4,096, 27 times.
const setCacheSlots = 1 << 12

// setCacheFields is the most fields an entry may have for its set to be
// cached: a service line has a module and a function.
const setCacheFields = 2

// setCache spares the writer the encoding of the commonest entries, the
// service lines, whose indexed fields (module and function) repeat line
// after line and make a shared set (see putAttrs): a direct-mapped table
// from the fields' keys and values to the set. A hit compares the fields
// and checks that the set is still where it was written; a miss encodes
// as before and fills the slot. The slot holds the symbol table's copies
// of the strings, so it pins nothing of the lines.
type setCache struct {
	slots [setCacheSlots]setCacheSlot
}

type setCacheSlot struct {
	kind     Kind // the entries' kind: a hit must not bypass kindKeys.note
	n        int
	keys     [setCacheFields]string
	vals     [setCacheFields]string
	template string // the lines' Entry.Template, part of the set
	ref      setRef
}

// cacheable returns the indexed fields of e when its set may be cached:
// at most setCacheFields text fields besides those the index leaves out,
// and no per-line pseudo-field but the template, which lines share.
func cacheable(e *Entry, lo *lineOrigin) (fs [setCacheFields]Field, n int, ok bool) {
	if lo.cursor != "" || lo.end != "" || lo.audit != "" || lo.nums() != (originNums{}) || e.IsMark() {
		return fs, 0, false
	}
	for _, f := range e.Fields {
		if notIndexed(f.Key) {
			continue
		}
		if f.IsNum || n == setCacheFields {
			return fs, 0, false
		}
		fs[n] = f
		n++
	}
	return fs, n, n > 0
}

// slotFor returns the slot of fields fs[:n] with template, of kind k.
//
// The template is told apart by its address, not its bytes: a decoder
// shares one string per template (decode's templateFolder), and templates
// differ where quickHash does not look (two of one length alike at its five
// bytes took one slot in turn). Only the choice of slot depends on the
// address, never a hit: holds compares the bytes with the slot's own copy.
func (c *setCache) slotFor(k Kind, fs *[setCacheFields]Field, n int, template string) *setCacheSlot {
	addr := uint32(uintptr(unsafe.Pointer(unsafe.StringData(template))) >> 3)
	h := (uint32(n)<<8 | uint32(k)) ^ addr*0x9e3779b1
	for i := range n {
		h = h*0x9e3779b1 ^ quickHash(h, fs[i].Key) ^ quickHash(h+1, fs[i].Value)
	}
	// The multiplications carry the address into the high bits only.
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	return &c.slots[h&(setCacheSlots-1)]
}

// holds reports whether the slot caches exactly fields fs[:n] with
// template, of kind k.
func (sl *setCacheSlot) holds(k Kind, fs *[setCacheFields]Field, n int, template string) bool {
	if sl.kind != k || sl.n != n || sl.template != template {
		return false
	}
	for i := range n {
		if sl.keys[i] != fs[i].Key || sl.vals[i] != fs[i].Value {
			return false
		}
	}
	return true
}

// cachedAttrs returns the word offset of e's shared set when the cache
// holds it, taking the row chunk's reference on it as putAttrs would.
func (s *Store) cachedAttrs(e *Entry, lo *lineOrigin) (uint32, bool) {
	fs, n, ok := cacheable(e, lo)
	if !ok {
		return 0, false
	}
	sl := s.setCache.slotFor(e.Kind, &fs, n, lo.template)
	if !sl.holds(e.Kind, &fs, n, lo.template) || !s.words.alive(sl.ref) {
		return 0, false
	}
	s.words.referOffset(sl.ref.off)
	return sl.ref.off, true
}

// cacheAttrs remembers that e's fields made the shared set at off.
func (s *Store) cacheAttrs(e *Entry, lo *lineOrigin, off uint32) {
	fs, n, ok := cacheable(e, lo)
	if !ok {
		return
	}
	sl := s.setCache.slotFor(e.Kind, &fs, n, lo.template)
	sl.kind, sl.n, sl.template = e.Kind, n, ""
	if lo.template != "" {
		sl.template = s.syms.own(lo.template)
	}
	for i := range n {
		sl.keys[i] = s.syms.own(fs[i].Key)
		sl.vals[i] = s.syms.own(fs[i].Value)
	}
	sl.ref = setRef{off: off, gen: s.words.genOf(off)}
}
