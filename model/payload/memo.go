package payload

import (
	"math/rand/v2"
	"strings"
	"unsafe"

	"connlog/model"
)

// AnalyticsMemo remembers the fields of the parts of analytics events that
// repeat from event to event — the connector, the user, the resource, the
// geoip location, the relays — by their exact bytes, so that an event whose
// user object is byte for byte one seen recently takes that object's fields
// without decoding it again. A host's events name a few users, resources
// and places thousands of times; the connection object (ids, addresses,
// byte counts) differs every time and is always decoded.
//
// Only a part decoded whole, without an error and without reaching the
// field bound, is remembered, and only a part of at most memoMaxBytes; its
// values are copies, so nothing of the line is pinned. A memo belongs to one
// goroutine.
type AnalyticsMemo struct {
	seed  uint64 // mixed into memoHash, so that no line chooses its set
	slots [memoSites][memoSlots]memoSlot
}

// memoSlot is one remembered part: its bytes as written and its fields.
type memoSlot struct {
	raw    string
	fields []model.Field
}

// memoSite is where in the event a part sits: the same bytes at two sites
// decode to different keys.
type memoSite uint8

const (
	siteConnector memoSite = iota
	siteDevice
	siteUser
	siteRemoteNetwork
	siteResource
	siteLocation
	siteRelays
	memoSites
)

// memoSlots is how many parts of each site are remembered, in sets of
// memoWays chosen by a hash of their first bytes (memoKey: a hash of the whole value would
// need its end, found only by reading it all); memoMaxBytes bounds the size
// of a part remembered, and so the memo's.
const (
	memoSlots    = 256
	memoWays     = 4 // slots per set (see memoSet)
	memoKeyBytes = 48
	memoMaxBytes = 1024
)

// NewAnalyticsMemo returns an empty memo.
func NewAnalyticsMemo() *AnalyticsMemo { return &AnalyticsMemo{seed: rand.Uint64()} }

// part decodes the value at sc's position, at site, with decode (which
// reports whether its result may be remembered), unless the same bytes were
// decoded there recently: then their fields are added as decode would add
// them and the value is passed over. With a nil memo it is decode alone.
func (m *AnalyticsMemo) part(sc *scanner, fl *fieldList, site memoSite, decode func() bool) {
	if m == nil || sc.peek() == 0 {
		decode()
		return
	}
	start := sc.i
	rest := sc.s[start:]
	set := m.set(site, rest)
	if slot, ok := set.find(rest); ok {
		fl.addAll(slot.fields)
		sc.i = start + len(slot.raw)
		return
	}
	end := rawValueEnd(sc.s[:min(len(sc.s), start+memoMaxBytes)], start)
	if end < 0 {
		decode()
		return
	}
	raw := sc.s[start:end]
	mark := len(fl.fs)
	if decode() && sc.err == nil && sc.i == end && !fl.full() {
		set.add(memoSlot{raw: strings.Clone(raw), fields: ownFields(fl.fs[mark:], sc.s)})
	}
}

// memoSet is the slots a part may be remembered in, the one used last
// first: two parts whose keys meet in one place (a host's relays listed
// in several orders, which share their first bytes) no longer evict each
// other on every event.
type memoSet [memoWays]memoSlot

// set returns the slots of the part starting rest at site.
func (m *AnalyticsMemo) set(site memoSite, rest string) *memoSet {
	h := memoHash(memoKey(rest), m.seed) >> (64 - memoSetBits)
	return (*memoSet)(m.slots[site][h*memoWays:])
}

// memoSetBits is log2 of the sets of a site: memoSlots / memoWays of them.
const memoSetBits = 6

// memoHash spreads parts over a site's sets by their key (memoKey): its
// length and three of its words, at its start, middle and end, in the high
// bits of the result. Hashing all of its bytes (hash/maphash) cost as much
// as the rest of a lookup, fourteen of them an event; a part is found only
// by comparing it whole, so a weaker spread costs a miss, never a wrong
// part.
func memoHash(k string, seed uint64) uint64 {
	h := seed ^ uint64(len(k))
	if n := len(k); n >= 8 {
		h = (h ^ le64(k, 0)) * 0x9E3779B97F4A7C15
		h = (h ^ le64(k, (n-8)/2)) * 0xC2B2AE3D27D4EB4F
		h ^= le64(k, n-8)
	} else {
		for i := 0; i < n; i++ {
			h = (h ^ uint64(k[i])) * 0x100000001B3
		}
	}
	h ^= h >> 29
	return h * 0x9E3779B97F4A7C15
}

// find returns the slot remembering the part rest starts with, moved to
// the front of its set. A remembered part is a whole value, which ends
// where its own bytes say: found at rest's start, it is the value there,
// so the value's end need not be looked for first.
func (s *memoSet) find(rest string) (memoSlot, bool) {
	for w := range s {
		if s[w].fields != nil && strings.HasPrefix(rest, s[w].raw) {
			slot := s[w]
			if w > 0 { // most hits are of the front slot, left where it is
				copy(s[1:w+1], s[:w])
				s[0] = slot
			}
			return slot, true
		}
	}
	return memoSlot{}, false
}

// add remembers slot at the front of its set, in place of the slot used
// longest ago.
func (s *memoSet) add(slot memoSlot) {
	copy(s[1:], s[:memoWays-1])
	s[0] = slot
}

// memoKey returns the bytes a part starting rest is remembered by: its
// first memoKeyBytes, ending at its first '}' when that comes before, so
// that a flat object's key is the object alone, not the object and what
// happens to follow it in the line.
func memoKey(rest string) string {
	key := rest[:min(len(rest), memoKeyBytes)]
	if j := strings.IndexByte(key, '}'); j >= 0 {
		key = key[:j+1]
	}
	return key
}

// ownFields copies fs with keys and values that share nothing with line,
// the event's bytes. A key not over them (the schema's own, such as
// "user.email", or a path joined apart) is kept as it is: a store finds a
// key it has met by its address (see model's symCache), and a copy for
// each part remembered made it intern the key again for each event that
// took the part.
func ownFields(fs []model.Field, line string) []model.Field {
	out := make([]model.Field, len(fs))
	for i, f := range fs {
		if over(f.Key, line) {
			f.Key = strings.Clone(f.Key)
		}
		f.Value = strings.Clone(f.Value)
		out[i] = f
	}
	return out
}

// over reports whether s lies in line's bytes.
func over(s, line string) bool {
	if len(s) == 0 || len(line) == 0 {
		return false
	}
	p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(line)))
	return p >= start && p < start+uintptr(len(line))
}

// rawValueEnd returns the end of the string, object or array starting at
// i, found by matching quotes and brackets without validating anything
// (the memo compares the bytes with ones that were validated), or -1 when
// the value is something else or does not end in s.
func rawValueEnd(s string, i int) int {
	if i >= len(s) || s[i] != '"' && s[i] != '{' && s[i] != '[' {
		return -1
	}
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '"':
			if j = rawStringEnd(s, j); j < 0 {
				return -1
			}
			if depth == 0 {
				return j + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// rawStringEnd returns the index of the quote closing the string opened at
// i, passing over every escaped byte, or -1. (A byte loop: the strings are
// short and, in a location, full of escaped quotes.)
func rawStringEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '"':
			return j
		case '\\':
			j++
		}
	}
	return -1
}
