package model

import "runtime"

// RawLen returns the length of entry seq's raw bytes without reading them
// (0 when it is not held): from its row, or, for a line too long for the
// row (8 MiB or more), from its fields.
func (sn *Snapshot) RawLen(seq int64) int {
	if !sn.Has(seq) {
		return 0
	}
	c, i := sn.chunkOf(seq)
	n := c.rawLen(i)
	runtime.KeepAlive(sn)
	if n != rawLenMask {
		return int(n)
	}
	var e Entry
	_, l, err := sn.loadIndex(seq, &e, nil, false, nil)
	if err != nil {
		return 0
	}
	return l
}
