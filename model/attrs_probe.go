package model

import "slices"

// keyProbe is a filter's keys as the symbols the store holds them under,
// found once per scan so that the per-entry checks compare integers.
type keyProbe struct {
	need []uint32 // Filter.NeedKeys; nil: no demand; empty: no held entry has one
	only []uint32 // Filter.Keys and the origin's pseudo-keys; nil: every field
	// seen remembers the answer for recent field sets by their word offset:
	// thousands of service lines share one set (see putAttrs), so most
	// probes are a lookup here.
	seen *[probeSlots]probeMemo
}

// probeSlots is the size of keyProbe's memo (a power of two).
const probeSlots = 256

// probeMemo is one remembered answer; off 0 is an empty slot.
type probeMemo struct {
	off uint32
	has bool
}

// originKeys are the pseudo-fields a load must rebuild whatever the filter
// reads: they carry the line's origin (see lineOrigin).
var originKeys = []string{keyCursor, keyReceived, keyItem, keyOrigin, keyRawLen}

// keyProbe resolves f's keys. Keys are interned before any entry carrying
// them is published, so a key without a symbol is on no entry of sn.
func (sn *Snapshot) keyProbe(f Filter) keyProbe {
	var p keyProbe
	if f.Load == LoadFull || sn.symtab == nil {
		return p
	}
	if f.NeedKeys != nil {
		p.need = sn.symtab.lookupAll(f.NeedKeys, make([]uint32, 0, len(f.NeedKeys)))
		p.seen = new([probeSlots]probeMemo)
	}
	if f.Keys != nil {
		p.only = sn.symtab.lookupAll(f.Keys, make([]uint32, 0, len(f.Keys)+len(originKeys)))
		p.only = sn.symtab.lookupAll(originKeys, p.only)
	}
	return p
}

// hasAnyKey reports whether the indexed fields of the entry at seq include
// a key among the symbols p.need. It reads only the fields' key words,
// never their values, so a view builder passes over the entries a query
// cannot match (most lines of a level-7 log for a query on connection
// fields) at a fraction of a load's cost. A set's words never change while
// a snapshot holds them, so an answer remembered by offset stays true.
func (sn *Snapshot) hasAnyKey(seq int64, p keyProbe) bool {
	off := sn.row(seq).attrs
	if off == 0 {
		return false
	}
	m := &p.seen[off%probeSlots]
	if m.off == off {
		return m.has
	}
	ws := wordsAt(sn.words, off)
	n, w := int(ws[0]), ws[1:]
	has := false
	for range n {
		if slices.Contains(p.need, keySymbol(w[0])) {
			has = true
			break
		}
		w = w[attrWords[w[0]>>attrTypeShift]:]
	}
	*m = probeMemo{off: off, has: has}
	return has
}

// keySymbol returns the key's symbol from a field's first word.
func keySymbol(w0 uint32) uint32 {
	if t := w0 >> attrTypeShift; t == attrSmallSym || t == attrSmallInt {
		return w0 >> smallValueBits & smallKeyMask
	}
	return w0 & attrKeyMask
}
