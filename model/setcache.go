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
	slots  [setCacheSlots]setCacheSlot
	placed fieldPlaces // the slots of the fields of the running call, by where they lie
}

// forget drops the calls the slots' templates and fields were met in (see
// putCalls.begin).
func (c *setCache) forget() {
	for i := range c.slots {
		c.slots[i].givenCall, c.slots[i].fieldsCall = 0, 0
	}
}

type setCacheSlot struct {
	kind Kind // the entries' kind: a hit must not bypass kindKeys.note
	n    uint8
	// givenCall and givenAddr are the call being put and where the
	// caller's string equal to template lay that an entry of it had (see
	// holdsTemplate); givenCall 0: none. They fill what would be padding
	// beside kind and n, and a word: a slot is as large as without them.
	givenCall uint32
	keys      [setCacheFields]string
	vals      [setCacheFields]string
	template  string // the lines' Entry.Template, part of the set
	ref       setRef
	givenAddr uintptr
	// fieldsAt, fieldsLen and fieldsCall are where the fields of the entry
	// last put with the slot lay, and in which call (0: none); see
	// fieldPlaces.
	fieldsAt   uintptr
	fieldsLen  int
	fieldsCall uint32
}

// cacheable returns the indexed fields of e when its set may be cached:
// at most setCacheFields text fields besides those the index leaves out,
// and no per-line pseudo-field but the template, which lines share.
func cacheable(e *Entry, lo *lineOrigin) (fs [setCacheFields]Field, n int, ok bool) {
	if !sharedAlone(e, lo) {
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

// sharedAlone reports whether e carries nothing per line beside its
// fields that its set would have to hold (the template, lines share).
func sharedAlone(e *Entry, lo *lineOrigin) bool {
	return lo.cursor == "" && lo.end == "" && lo.audit == "" && !lo.hasNums() && !e.IsMark()
}

// slotFor returns the slot of fields fs[:n] with template, of kind k.
//
// The template is told apart by its address, not its bytes: a decoder
// shares one string per template (decode's templateFolder), and templates
// differ where quickHash does not look (two of one length alike at its five
// bytes took one slot in turn). Only the choice of slot depends on the
// address, never a hit: holds compares the bytes with the slot's own copy.
// The keys count by their length alone: a service line's are always
// module and function.
func (c *setCache) slotFor(k Kind, fs *[setCacheFields]Field, n int, template string) *setCacheSlot {
	addr := uint32(uintptr(unsafe.Pointer(unsafe.StringData(template))) >> 3)
	h := (uint32(n)<<8 | uint32(k)) ^ addr*0x9e3779b1
	for i := range n {
		h = h*0x9e3779b1 ^ uint32(len(fs[i].Key))*0x85ebca6b ^ quickHash(h+1, fs[i].Value)
	}
	// The multiplications carry the address into the high bits only.
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	return &c.slots[h&(setCacheSlots-1)]
}

// holds reports whether the slot caches exactly fields fs[:n] with
// template, of kind k, in the writer's call numbered call (0: none, see
// putCalls).
func (sl *setCacheSlot) holds(k Kind, fs *[setCacheFields]Field, n int, template string, call uint32) bool {
	if sl.kind != k || int(sl.n) != n || !sl.holdsTemplate(template, call) {
		return false
	}
	for i := range n {
		if sl.keys[i] != fs[i].Key || sl.vals[i] != fs[i].Value {
			return false
		}
	}
	return true
}

// holdsTemplate reports whether the slot's template is t: by address when
// t lies where the template of an entry of the same call lay, whose bytes
// do not change while the call runs (see Store.beginCall), by its bytes
// otherwise.
func (sl *setCacheSlot) holdsTemplate(t string, call uint32) bool {
	addr := uintptr(unsafe.Pointer(unsafe.StringData(t)))
	if call != 0 && sl.givenCall == call && sl.givenAddr == addr && len(t) == len(sl.template) {
		return true
	}
	if sl.template != t {
		return false
	}
	if call != 0 {
		sl.givenAddr, sl.givenCall = addr, call
	}
	return true
}

// indexedSet is an entry's indexed fields when its set may be cached (see
// cacheable), and the cache's slot for them.
type indexedSet struct {
	fs   [setCacheFields]Field
	n    int
	slot *setCacheSlot // nil: not cacheable
}

// cachedAttrs returns the word offset of e's shared set when the cache
// holds it, taking the row chunk's reference on it as putAttrs would, and
// the set for cacheAttrs when it does not.
func (s *Store) cachedAttrs(e *Entry, lo *lineOrigin) (uint32, bool, indexedSet) {
	call := s.calls.running
	if sl := s.setCache.placed.slotOf(e, lo.template, call); sl != nil && sharedAlone(e, lo) && sl.kind == e.Kind &&
		sl.holdsTemplate(lo.template, call) && s.words.alive(sl.ref) {
		s.words.referOffset(sl.ref.off)
		return sl.ref.off, true, indexedSet{}
	}
	var set indexedSet
	var ok bool
	if set.fs, set.n, ok = cacheable(e, lo); !ok {
		return 0, false, set
	}
	set.slot = s.setCache.slotFor(e.Kind, &set.fs, set.n, lo.template)
	sl := set.slot
	if !sl.holds(e.Kind, &set.fs, set.n, lo.template, call) || !s.words.alive(sl.ref) {
		return 0, false, set
	}
	s.setCache.placed.note(sl, e, lo.template, call)
	s.words.referOffset(sl.ref.off)
	return sl.ref.off, true, set
}

// cacheAttrs remembers that e's fields, set, made the shared set at off.
func (s *Store) cacheAttrs(e *Entry, lo *lineOrigin, set *indexedSet, off uint32) {
	sl := set.slot
	if sl == nil {
		return
	}
	sl.kind, sl.n, sl.template = e.Kind, uint8(set.n), ""
	if lo.template != "" {
		sl.template = s.syms.own(lo.template)
	}
	sl.givenCall = 0
	for i := range set.n {
		sl.keys[i] = s.syms.own(set.fs[i].Key)
		sl.vals[i] = s.syms.own(set.fs[i].Value)
	}
	sl.ref = setRef{off: off, gen: s.words.genOf(off)}
	s.setCache.placed.note(sl, e, lo.template, s.calls.running)
}
