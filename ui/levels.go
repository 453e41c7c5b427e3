package ui

import (
	"runtime"
	"sync"

	"connlog/model"
)

// levelIndex holds the Seqs of the view's errors and warnings, so that the
// status counts and the e/E and w/W jumps need no scan. A log in trouble
// may warn at every line: the sets cost at most two bits an entry.
type levelIndex struct {
	errs  seqSet // level error or worse
	warns seqSet // level warn exactly
}

// scanLevels returns the index of the view's entries [from, to), reading
// only the stored levels (no entry is loaded).
func scanLevels(sn *model.Snapshot, v *model.View, from, to int) levelIndex {
	return scanInParts(from, to, func(lo, hi int) levelIndex { return scanLevelRange(sn, v, lo, hi) }, levelIndex.union)
}

// scanInParts reads rows [from, to) of a view with scan: a view of
// millions (the tab of every service line) is read by every core, a part
// each, and the parts' results joined in order by union.
func scanInParts[T any](from, to int, scan func(lo, hi int) T, union func(T, T) T) T {
	parts := max(1, min(runtime.GOMAXPROCS(0), (to-from)/levelScanPart))
	if parts == 1 {
		return scan(from, to)
	}
	idx := make([]T, parts)
	step := (to - from + parts - 1) / parts
	var wg sync.WaitGroup
	for i := range idx {
		lo := from + i*step
		wg.Go(func() { idx[i] = scan(lo, min(lo+step, to)) })
	}
	wg.Wait()
	out := idx[0]
	for _, part := range idx[1:] {
		out = union(out, part)
	}
	return out
}

// levelScanPart is the fewest entries worth a core of their own.
const levelScanPart = 1 << 16

// scanLevelRange is scanLevels on one core.
func scanLevelRange(sn *model.Snapshot, v *model.View, from, to int) levelIndex {
	var li levelIndex
	for i := from; i < to; i++ {
		seq := v.At(i)
		if !sn.Has(seq) {
			continue
		}
		switch l := sn.Level(seq); {
		case l >= model.LevelError:
			li.errs.add(seq)
		case l == model.LevelWarn:
			li.warns.add(seq)
		}
	}
	return li
}

// union adds the index of other entries: another part of a scan, or
// entries added at either end.
func (li levelIndex) union(more levelIndex) levelIndex {
	return levelIndex{errs: li.errs.union(more.errs), warns: li.warns.union(more.warns)}
}

// heldFrom counts the errors and warnings from first on: those the store
// still holds, when the index is not trimmed yet (see liveView.heldLen).
func (li levelIndex) heldFrom(first int64) (errs, warns int) {
	return li.errs.lenFrom(first), li.warns.lenFrom(first)
}

// trim drops Seqs below first (evicted from the store).
func (li levelIndex) trim(first int64) levelIndex {
	return levelIndex{errs: li.errs.dropBelow(first), warns: li.warns.dropBelow(first)}
}
