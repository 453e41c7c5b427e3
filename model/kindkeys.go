package model

import "math/bits"

// kindKeys records, for each kind, every key its entries have been indexed
// with. A query on connection fields (`country:DE`) can then pass over the
// service lines, most of a level-7 log, on their row alone: no service line
// ever carried the key, so none can match, and their field sets are not
// even read (see keyProbe). Keys are only added: one recorded for entries
// since evicted costs a needless probe, never a lost match.
//
// The writer adds keys; snapshots read the sets as they were published. A
// set a snapshot holds is never changed: the writer copies it first.
type kindKeys struct {
	sets      [kindCount]symbolSet
	published [kindCount]bool // sets[k] is shared with a snapshot
}

// noteKey records key symbol sym for kind k, as a field of that key is
// encoded for an entry of kind k. A key is mostly recorded already: the
// set is asked in place, and add called for a new one only.
func (kk *kindKeys) noteKey(k Kind, sym uint32) {
	if k < kindCount && !kk.sets[k].has(sym) {
		kk.add(k, sym)
	}
}

// add records key symbol sym for kind k.
func (kk *kindKeys) add(k Kind, sym uint32) {
	if kk.sets[k].has(sym) {
		return
	}
	set := kk.sets[k]
	if kk.published[k] || int(sym/64) >= len(set) {
		grown := make(symbolSet, max(len(set), int(sym/64)+1))
		copy(grown, set)
		set, kk.published[k] = grown, false
	}
	set[sym/64] |= 1 << (sym % 64)
	kk.sets[k] = set
}

// publish returns the sets for a snapshot, which the writer will no longer
// change.
func (kk *kindKeys) publish() [kindCount]symbolSet {
	for k := range kk.published {
		kk.published[k] = kk.sets[k] != nil
	}
	return kk.sets
}

// kindsMeeting returns a bit for each kind whose recorded keys show every
// group of demand d: only entries of those kinds can meet it.
func kindsMeeting(sets *[kindCount]symbolSet, d *keyDemand) uint16 {
	var kinds uint16
	for k, set := range sets {
		var shown uint8
		for i, word := range set {
			for ; word != 0; word &= word - 1 {
				shown |= d.of(uint32(i*64 + bits.TrailingZeros64(word)))
			}
		}
		if shown == d.all {
			kinds |= 1 << k
		}
	}
	return kinds
}
