package ui

import (
	"runtime"
	"sort"
	"sync"

	"connlog/model"
)

// levelIndex lists the Seqs of the view's errors and warnings, ascending.
// They are a small part of a log, so keeping them makes the status counts
// and the e/E and w/W jumps O(log n) instead of a scan.
type levelIndex struct {
	errs  []int64 // level error or worse
	warns []int64 // level warn exactly
}

// scanLevels returns the index of the view's entries [from, to), reading
// only the stored levels (no entry is loaded). A view of millions (the tab
// of every service line) is read by every core, a part each.
func scanLevels(sn *model.Snapshot, v *model.View, from, to int) levelIndex {
	parts := max(1, min(runtime.GOMAXPROCS(0), (to-from)/levelScanPart))
	if parts == 1 {
		return scanLevelRange(sn, v, from, to)
	}
	idx := make([]levelIndex, parts)
	step := (to - from + parts - 1) / parts
	var wg sync.WaitGroup
	for i := range idx {
		lo := from + i*step
		wg.Go(func() { idx[i] = scanLevelRange(sn, v, lo, min(lo+step, to)) })
	}
	wg.Wait()
	li := idx[0]
	for _, part := range idx[1:] {
		li = li.appendIndex(part)
	}
	return li
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
			li.errs = append(li.errs, seq)
		case l == model.LevelWarn:
			li.warns = append(li.warns, seq)
		}
	}
	return li
}

// appendIndex adds a later range's index; Seqs stay ascending.
func (li levelIndex) appendIndex(more levelIndex) levelIndex {
	return levelIndex{errs: append(li.errs, more.errs...), warns: append(li.warns, more.warns...)}
}

// merge adds the index of entries added at either end; Seqs stay
// ascending (prepended ones are below every Seq held).
func (li levelIndex) merge(more levelIndex) levelIndex {
	return levelIndex{errs: mergeSeqs(li.errs, more.errs), warns: mergeSeqs(li.warns, more.warns)}
}

// mergeSeqs joins two ascending lists whose ranges do not interleave
// except at the ends: b's Seqs below a's first go before, the rest after.
func mergeSeqs(a, b []int64) []int64 {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	i := sort.Search(len(b), func(i int) bool { return b[i] > a[0] })
	if i == 0 {
		return append(a, b...)
	}
	out := make([]int64, 0, len(a)+len(b))
	return append(append(append(out, b[:i]...), a...), b[i:]...)
}

// trim drops Seqs below first (evicted from the store).
func (li levelIndex) trim(first int64) levelIndex {
	return levelIndex{errs: dropBelow(li.errs, first), warns: dropBelow(li.warns, first)}
}

func dropBelow(seqs []int64, first int64) []int64 {
	i := sort.Search(len(seqs), func(i int) bool { return seqs[i] >= first })
	return seqs[i:]
}

// nextAfter returns the first Seq in seqs after seq (forward) or before it
// (backward).
func nextAfter(seqs []int64, seq int64, forward bool) (int64, bool) {
	if forward {
		i := sort.Search(len(seqs), func(i int) bool { return seqs[i] > seq })
		if i < len(seqs) {
			return seqs[i], true
		}
		return 0, false
	}
	i := sort.Search(len(seqs), func(i int) bool { return seqs[i] >= seq })
	if i > 0 {
		return seqs[i-1], true
	}
	return 0, false
}
