package decode

import (
	"hash/maphash"
	"strings"

	"connlog/model"
)

// serviceSets hands out the indexed fields of service lines (their module
// and function, see payload.ServiceIndex) as slices shared by every line
// that has the same ones. A connector's level-7 lines name a hundred or so
// pairs, millions of times: carved for each line, the two fields were
// written into a block on the decoding goroutine and read back from it,
// with their values from the line's bytes, on the store's one goroutine,
// where those first reads of memory another core wrote were most of what
// its cache of shared sets cost. Shared, they are read from memory every
// line touches.
//
// A pair gets its slice when its slot meets it twice in a row without
// one: a stream of pairs each named once allocates nothing (their lines
// keep their fields carved, as before), and two pairs that take one slot
// in turn share nothing rather than replace each other's slice on every
// line. A slice handed out is
// never written again (its capacity is its length: an append copies), and
// its values are copies, which pin no block of lines. One serviceSets
// serves one goroutine.
type serviceSets struct {
	slots [serviceSetSlots]serviceSlot
}

// serviceSetSlots is the size of the direct-mapped table of shared pairs
// (a power of two): a connector's few hundred pairs, with room to spare.
const serviceSetSlots = 1 << 10

type serviceSlot struct {
	set  *serviceSet
	seen uint64 // the hash of a pair met here without a set of its own (0: none)
}

// serviceSet is one shared pair: fields[:n], and the hash of it.
type serviceSet struct {
	fields [2]model.Field
	n      int
	hash   uint64
}

// setSeed is the seed of the pairs' hashes; each process has its own.
var setSeed = maphash.MakeSeed()

// shared returns the shared slice equal to fs, a service line's indexed
// fields, and true; or fs and false when the pair has none yet.
func (c *serviceSets) shared(fs model.Fields) (model.Fields, bool) {
	if len(fs) == 0 || len(fs) > len(serviceSet{}.fields) {
		return fs, false
	}
	h := pairHash(fs)
	sl := &c.slots[h&(serviceSetSlots-1)]
	if s := sl.set; s != nil && s.hash == h && s.holds(fs) {
		return s.fields[:s.n:s.n], true
	}
	if sl.seen != h {
		sl.seen = h
		return fs, false
	}
	s := &serviceSet{n: len(fs), hash: h}
	for i, f := range fs {
		f.Value = strings.Clone(f.Value)
		s.fields[i] = f
	}
	sl.set, sl.seen = s, 0
	return s.fields[:s.n:s.n], true
}

// holds reports whether the set is exactly fs.
func (s *serviceSet) holds(fs model.Fields) bool {
	if s.n != len(fs) {
		return false
	}
	for i := range fs {
		if s.fields[i] != fs[i] {
			return false
		}
	}
	return true
}

// pairHash hashes fields' values, and their keys by their lengths (a
// service line's are "module" and "function"); never 0, which a slot's
// seen keeps for none. (With a maphash.Hash written to, shared took 48 ns
// a line instead of 29: BenchmarkServiceSets.)
func pairHash(fs model.Fields) uint64 {
	h := uint64(len(fs))
	for _, f := range fs {
		h = (h^maphash.String(setSeed, f.Value))*0x9E3779B97F4A7C15 + uint64(len(f.Key))
	}
	return h | 1
}
