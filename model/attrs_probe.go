package model

import (
	"runtime"
	"slices"
)

// keyProbe is a filter's keys as the symbols the store holds them under,
// found once per scan so that the per-entry checks compare integers.
type keyProbe struct {
	need []uint32 // Filter.NeedKeys; nil: no demand; empty: no held entry has one
	only []uint32 // Filter.Keys and the origin's pseudo-keys; nil: every field
	// seen remembers the answer for recent field sets by their word offset:
	// thousands of service lines share one set (see putAttrs), so most
	// probes are a lookup here. It has room for the sets of a few hundred
	// templates, one per template and function (see Entry.Template).
	seen *[probeSlots]probeMemo
}

// probeSlots is the size of keyProbe's memo (a power of two).
const probeSlots = 1024

// probeMemo is one remembered answer; off 0 is an empty slot.
type probeMemo struct {
	off uint32
	has bool
}

// originKeys are the pseudo-fields a load must rebuild whatever the filter
// reads: they carry the line's origin (see lineOrigin).
var originKeys = []string{keyCursor, keyReceived, keyItem, keyOrigin, keyRawLen, keyTemplate}

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
	has := fieldKeysHaveAny(wordsAt(sn.words, off), sn.words, p.need)
	runtime.KeepAlive(sn) // the words are off the heap: mapped for as long as sn lives
	*m = probeMemo{off: off, has: has}
	return has
}

// fieldKeysHaveAny reports whether the fields of the words ws (an entry's,
// whole or split around a template) have a key among the symbols need.
func fieldKeysHaveAny(ws []uint32, words [][]uint32, need []uint32) bool {
	if ws[0]&attrSplitMark == 0 {
		return keysHaveAny(ws[1:], int(ws[0]), need)
	}
	// The template's fields bar its holes, then the entry's own: the holes'
	// fillers and the fields after them.
	tpl := wordsAt(words, ws[1])
	t := tpl[1:]
	for range int(tpl[0]) {
		kind := t[0] >> attrTypeShift
		if kind != attrHole && slices.Contains(need, keySymbol(t[0])) {
			return true
		}
		t = t[attrWords[kind]:]
	}
	return keysHaveAny(ws[2:], int(ws[0]&^attrSplitMark), need)
}

// keysHaveAny reports whether one of the n fields at the head of w has a
// key among the symbols need.
func keysHaveAny(w []uint32, n int, need []uint32) bool {
	for range n {
		if slices.Contains(need, keySymbol(w[0])) {
			return true
		}
		w = w[attrWords[w[0]>>attrTypeShift]:]
	}
	return false
}

// unwanted reports whether a load restricted to only skips the field at the
// head of w, and returns the words after it when it does.
func unwanted(w []uint32, only []uint32) ([]uint32, bool) {
	if only == nil || slices.Contains(only, keySymbol(w[0])) {
		return w, false
	}
	return w[attrWords[w[0]>>attrTypeShift]:], true
}

// keySymbol returns the key's symbol from a field's first word.
func keySymbol(w0 uint32) uint32 {
	if t := w0 >> attrTypeShift; t == attrSmallSym || t == attrSmallInt {
		return w0 >> smallValueBits & smallKeyMask
	}
	return w0 & attrKeyMask
}
