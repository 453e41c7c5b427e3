package model

import (
	"strings"
	"sync"
)

// symChunkSize is how many interned strings one chunk holds. Chunks never
// move once allocated, so readers can index them without locks.
const symChunkSize = 4096

// symtab interns strings that repeat across entries (users, resources,
// modules, hosts, field keys). Id 0 is the empty string. One goroutine
// writes; readers look strings up through a published directory.
type symtab struct {
	mu     sync.Mutex // guards ids against concurrent interning (writer vs. pairing lookups)
	ids    map[string]uint32
	chunks [][]string
	n      uint32
	bytes  int64
}

// receivedSym is the symbol of keyReceived in every table, so that a
// packed receive time need not hold it.
const receivedSym = 1

func newSymtab() *symtab {
	t := &symtab{ids: make(map[string]uint32)}
	t.intern("")
	t.intern(keyReceived) // receivedSym: a packed receive time's key
	return t
}

// intern returns the id of s, adding it if new.
func (t *symtab) intern(s string) uint32 {
	id, _, _ := t.internString(s)
	return id
}

// internString returns the id of s, adding it if new, the table's own
// copy of s, and whether it was added.
func (t *symtab) internString(s string) (uint32, string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if id, ok := t.ids[s]; ok {
		return id, symAt(t.chunks, id), false
	}
	s = strings.Clone(s) // s may be a slice of a whole decoded line: do not pin it
	id := t.n
	if int(id)%symChunkSize == 0 {
		t.chunks = append(t.chunks, make([]string, symChunkSize))
	}
	t.chunks[id/symChunkSize][id%symChunkSize] = s
	t.ids[s] = id
	t.n++
	t.bytes += int64(len(s)) + symOverhead
	return id, s, true
}

// own returns the table's copy of s, interning it if new.
func (t *symtab) own(s string) string {
	_, o, _ := t.internString(s)
	return o
}

// lookup returns the id of s without adding it.
func (t *symtab) lookup(s string) (uint32, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	id, ok := t.ids[s]
	return id, ok
}

// directory returns the chunk list as it is now; strings with ids below
// the count returned are immutable and safe to read from any goroutine.
func (t *symtab) directory() [][]string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.chunks
}

// symOverhead approximates the bytes a map entry and a string header cost.
const symOverhead = 48

func symAt(dir [][]string, id uint32) string {
	return dir[id/symChunkSize][id%symChunkSize]
}

// symCacheSlots is the size of the writer's intern cache (a power of two).
const symCacheSlots = 1 << 12

// symCache spares the writer the symbol table's lock and hash for the
// strings that repeat line after line (field keys, modules, functions,
// users): a direct-mapped table indexed by a cheap hash of a few bytes and
// checked by comparing the whole string. A miss, or a collision, costs one
// intern as before; the cached strings are the table's own copies, so the
// cache pins nothing of the lines. Only the store's writer uses it.
type symCache struct {
	slots [symCacheSlots]symCacheSlot
	keys  addrSyms // the field keys met in the writer's current call, by address
	vals  addrSyms // the field values interned in the writer's current call, by address
}

type symCacheSlot struct {
	ctx   uint32 // what the string is interned for (see intern)
	id    uint32
	flags uint8 // the caller's facts about the string (keyFlags for keys)
	set   bool
	s     string
}

// intern returns t's id of s, interned for context ctx: the key's symbol
// for a value, so that values of different keys do not evict each other,
// or keyContext for a key. flags computes the caller's facts about a new
// string; they are returned with the id.
func (c *symCache) intern(t *symtab, ctx uint32, s string, flags func(string) uint8) (uint32, uint8) {
	id, f, _ := c.lookup(t, ctx, s, flags)
	return id, f
}

// internFresh is intern for a value, reporting whether it was a new symbol.
func (c *symCache) internFresh(t *symtab, ctx uint32, s string) (uint32, bool) {
	id, _, fresh := c.lookup(t, ctx, s, nil)
	return id, fresh
}

func (c *symCache) lookup(t *symtab, ctx uint32, s string, flags func(string) uint8) (uint32, uint8, bool) {
	slot := &c.slots[quickHash(ctx, s)&(symCacheSlots-1)]
	if slot.set && slot.ctx == ctx && slot.s == s {
		return slot.id, slot.flags, false
	}
	id, own, fresh := t.internString(s)
	var f uint8
	if flags != nil {
		f = flags(own)
	}
	*slot = symCacheSlot{ctx: ctx, id: id, flags: f, set: true, s: own}
	return id, f, fresh
}

// quickHash mixes the length and five bytes of s with ctx: enough to spread
// the few hundred strings that repeat, cheaper than hashing all of s.
func quickHash(ctx uint32, s string) uint32 {
	n := uint32(len(s))
	h := ctx*0x9e3779b1 ^ n*0x85ebca6b
	if n > 0 {
		h ^= uint32(s[0]) | uint32(s[n/2])<<8 | uint32(s[n-1])<<16 | uint32(s[n/4])<<24
		h ^= uint32(s[3*n/4]) * 0xc2b2ae35
	}
	h ^= h >> 15
	h *= 0x2c1b3c6d
	return h ^ h>>12
}

// lookupAll appends to ids the ids of those of keys the table holds.
func (t *symtab) lookupAll(keys []string, ids []uint32) []uint32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		if id, ok := t.ids[k]; ok {
			ids = append(ids, id)
		}
	}
	return ids
}
