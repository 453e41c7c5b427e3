package model

import "runtime"

// keyProbe is a filter's keys as the symbols the store holds them under,
// found once per scan so that the per-entry checks test bits.
type keyProbe struct {
	need  *keyDemand // Filter.NeedKeys; nil: no demand
	kinds uint16     // with need: a bit for each kind whose entries can meet it (see kindKeys)
	only  symbolSet  // Filter.Keys and the origin's pseudo-keys; nil: every field
	// seen remembers the answer for recent field sets by their word offset:
	// thousands of service lines share one set (see putAttrs), one per
	// template and function (see Entry.Template), and the connection events
	// of one kind share the templates their own words are split around (see
	// attrsplit.go), so most probes are a lookup here.
	seen []probeMemo // a power of two long
}

// Bounds of keyProbe's memo, in slots. A scan of the whole store meets
// thousands of shared sets and templates; an extension by a few rows meets
// few, and should not pay to clear a large memo.
const (
	minProbeSlots = 256
	maxProbeSlots = 16384
)

// probeMemo is one remembered answer, the groups the words at off show
// (see keyDemand); off 0 is an empty slot.
type probeMemo struct {
	off    uint32
	groups uint8
}

// keyDemand is Filter.NeedKeys as the store's symbols: for each key symbol,
// a bit for each group it is in. An entry passes when its fields' keys
// show every group's bit, all; a group none of whose keys has a symbol is
// shown by no entry. Symbols are dense small integers, so a byte per
// symbol up to the largest of the keys' is a small table (the same holds
// for symbolSet).
type keyDemand struct {
	groups []uint8 // by symbol
	all    uint8
}

// newKeyDemand resolves the groups of keys need through t.
func newKeyDemand(t *symtab, need [][]string) *keyDemand {
	need = need[:min(len(need), MaxNeedGroups)]
	d := &keyDemand{all: uint8(1<<len(need) - 1)}
	for i, group := range need {
		for _, sym := range t.lookupAll(group, nil) {
			if int(sym) >= len(d.groups) {
				d.groups = append(d.groups, make([]uint8, int(sym)+1-len(d.groups))...)
			}
			d.groups[sym] |= 1 << i
		}
	}
	return d
}

// of returns the groups key symbol sym is in.
func (d *keyDemand) of(sym uint32) uint8 {
	if int(sym) < len(d.groups) {
		return d.groups[sym]
	}
	return 0
}

// probeSlots returns the size of the memo for a scan of span entries: a
// slot for every 64 of them, within bounds.
func probeSlots(span int64) int {
	n := minProbeSlots
	for n < maxProbeSlots && int64(n)*64 < span {
		n *= 2
	}
	return n
}

// symbolSet is a set of key symbols, a bit per symbol: a load restricted to
// a few keys and a key probe test every field of every entry they pass
// over, at the cost of a shift whatever the number of keys.
type symbolSet []uint64

// newSymbolSet returns the set of syms; never nil, so that an empty set
// stays apart from "no set".
func newSymbolSet(syms []uint32) symbolSet {
	top := uint32(0)
	for _, s := range syms {
		top = max(top, s)
	}
	set := make(symbolSet, top/64+1)
	for _, s := range syms {
		set[s/64] |= 1 << (s % 64)
	}
	return set
}

// has reports whether sym is in the set.
func (set symbolSet) has(sym uint32) bool {
	i := sym / 64
	return int(i) < len(set) && set[i]&(1<<(sym%64)) != 0
}

// originKeys are the pseudo-fields a load must rebuild whatever the filter
// reads: they carry the line's origin (see lineOrigin).
var originKeys = []string{keyCursor, keyEnd, keyAuditStamp, keyReceived, keyItem, keyOrigin, keyRawLen, keyOffset, keyTemplate,
	keyOthers0, keyOthers1, keyOthers2, keyOthers3}

// keyProbe resolves f's keys, for a scan of span entries. Keys are
// interned before any entry carrying them is published, so a key without a
// symbol is on no entry of sn.
func (sn *Snapshot) keyProbe(f Filter, span int64) keyProbe {
	var p keyProbe
	if f.Load == LoadFull || sn.symtab == nil {
		return p
	}
	if f.NeedKeys != nil {
		p.need = newKeyDemand(sn.symtab, f.NeedKeys)
		p.kinds = kindsMeeting(&sn.kindKeys, p.need)
		p.seen = make([]probeMemo, probeSlots(span))
	}
	if f.Keys != nil {
		only := sn.symtab.lookupAll(f.Keys, make([]uint32, 0, len(f.Keys)+len(originKeys)))
		p.only = newSymbolSet(sn.symtab.lookupAll(originKeys, only))
	}
	return p
}

// meetsDemand reports whether the indexed fields of the entry of row r meet
// p's demand: a key of every group. It reads only the fields' key words,
// never their values, so a view builder passes over the entries a query
// cannot match (most lines of a level-7 log for a query on connection
// fields) at a fraction of a load's cost. A set's words never change while
// a snapshot holds them, so an answer remembered by offset stays true.
func (sn *Snapshot) meetsDemand(r row, p keyProbe) bool {
	if p.kinds&(1<<r.kind()) == 0 {
		return false // no entry of its kind carries the keys
	}
	off := r.attrs
	if off == 0 {
		return p.need.all == 0
	}
	ws := wordsAt(sn.words, off)
	var shown uint8
	if ws[0]&attrSplitMark == 0 {
		shown = p.remember(off, func() uint8 { return groupsShown(ws[1:], int(ws[0]), p.need) })
	} else {
		// An entry's own words are its alone: remembering them would only
		// push shared sets out of the memo. Its template is shared.
		own, n, tpl := splitOf(ws, off)
		shown = p.remember(tpl, func() uint8 { return templateShows(wordsAt(sn.words, tpl), p.need) })
		if shown != p.need.all {
			shown |= groupsShown(own, n, p.need)
		}
	}
	runtime.KeepAlive(sn) // the words are off the heap: mapped for as long as sn lives
	return shown == p.need.all
}

// remember returns the groups remembered for the words at off, or those
// probe finds, which it remembers.
func (p keyProbe) remember(off uint32, probe func() uint8) uint8 {
	m := &p.seen[off&uint32(len(p.seen)-1)]
	if m.off == off {
		return m.groups
	}
	shown := probe()
	*m = probeMemo{off: off, groups: shown}
	return shown
}

// templateShows returns the groups of d the keys of a split template tpl
// show, its holes aside (their fillers are the entry's own).
func templateShows(tpl []uint32, d *keyDemand) uint8 {
	var shown uint8
	t := tpl[1:]
	for range int(tpl[0]) {
		kind := t[0] >> attrTypeShift
		if kind != attrHole {
			shown |= d.of(keySymbol(t[0]))
		}
		t = t[fieldWords(t[0]):]
	}
	return shown
}

// groupsShown returns the groups of d the keys of the n fields at the head
// of w show.
func groupsShown(w []uint32, n int, d *keyDemand) uint8 {
	var shown uint8
	for range n {
		shown |= d.of(keySymbol(w[0]))
		w = w[fieldWords(w[0]):]
	}
	return shown
}

// unwanted reports whether a load restricted to only skips the field at the
// head of w, and returns the words after it when it does.
func unwanted(w []uint32, only symbolSet) ([]uint32, bool) {
	if only == nil || only.has(keySymbol(w[0])) {
		return w, false
	}
	return w[fieldWords(w[0]):], true
}

// keySymbol returns the key's symbol from a field's first word.
func keySymbol(w0 uint32) uint32 {
	switch w0 >> attrTypeShift {
	case attrSmallSym, attrSmallInt:
		return w0 >> smallValueBits & smallKeyMask
	case attrPacked:
		return packedKey(w0)
	}
	return w0 & attrKeyMask
}
