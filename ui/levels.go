package ui

import (
	"sort"

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
// only the stored levels (no entry is loaded).
func scanLevels(sn *model.Snapshot, v *model.View, from, to int) levelIndex {
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
