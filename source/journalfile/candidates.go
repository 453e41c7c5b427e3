package journalfile

import (
	"fmt"
	"slices"
	"sort"
)

// candidates narrows a match to the entries that can satisfy it, read from
// the entry arrays of the matched DATA objects instead of a scan of every
// entry: a filter on one unit of a busy system journal then reads only that
// unit's entries. Each candidate is still checked against the whole
// expression. Entries appended after the list was made (index >= covered)
// are all candidates.
type candidates struct {
	use     bool
	idx     []int // sorted entry indices
	covered int
}

// denseShare is the share of a file's entries above which a candidate list
// is not worth making: checking every entry costs about the same.
const denseShare = 2

// makeCandidates builds the list from the conjunct whose DATA objects are
// used by the fewest entries.
func makeCandidates(f *File, r *resolved) (candidates, error) {
	c := candidates{covered: f.Len()}
	best, bestN := -1, uint64(f.Len())/denseShare
	for k, alts := range r.conj {
		n, err := conjunctSize(f, alts)
		if err != nil {
			return c, err
		}
		if n < bestN {
			best, bestN = k, n
		}
	}
	if best < 0 {
		return c, nil
	}
	var offs []uint64
	for _, fields := range r.conj[best] {
		for _, d := range fields[0] {
			var err error
			if offs, err = f.dataEntries(d, offs); err != nil {
				return c, err
			}
		}
	}
	c.use, c.idx = true, f.indicesOf(offs)
	return c, nil
}

// conjunctSize is how many entries use the DATA objects of the first field
// of each alternative.
func conjunctSize(f *File, alts [][]fieldOffsets) (uint64, error) {
	var n uint64
	for _, fields := range alts {
		for _, off := range fields[0] {
			d, err := f.data(off)
			if err != nil {
				return 0, err
			}
			n += d.nEntries
		}
	}
	return n, nil
}

// indicesOf turns entry offsets into indices of f's entries, dropping those
// it does not hold.
func (f *File) indicesOf(offs []uint64) []int {
	slices.Sort(offs)
	out := make([]int, 0, len(offs))
	for _, off := range slices.Compact(offs) {
		k := sort.Search(len(f.entries), func(k int) bool { return f.EntryOffset(k) >= off })
		if k < len(f.entries) && f.EntryOffset(k) == off {
			out = append(out, k)
		}
	}
	return out
}

// dataEntries appends the offsets of the entries that use the DATA object
// at off: its first entry, then its chain of entry arrays.
func (f *File) dataEntries(off uint64, out []uint64) ([]uint64, error) {
	d, err := f.data(off)
	if err != nil || d.nEntries == 0 {
		return out, err
	}
	left := d.nEntries
	if d.entryOffset != 0 {
		out = append(out, d.entryOffset)
		left--
	}
	buf := f.arrayBuffer(left)
	for p := d.entryArray; p != 0 && left > 0; {
		next, n, err := f.entryArrayHead(p)
		if err != nil {
			return out, err
		}
		if out, left, err = f.appendArrayItems(out, p, n, left, buf); err != nil {
			return out, err
		}
		if next != 0 && next <= p {
			return out, fmt.Errorf("entry array at %d links back to %d: %w", p, next, ErrCorrupt)
		}
		p = next
	}
	return out, nil
}

// appendArrayItems appends the items of the entry array at off (room for
// n) to out, up to left of them or its first unused (zero) slot, and
// returns how many are still left.
func (f *File) appendArrayItems(out []uint64, off uint64, n int, left uint64, buf []byte) ([]uint64, uint64, error) {
	step := f.arrayItemSize()
	for from := 0; from < n && left > 0; {
		items, err := f.arrayPiece(off, from, n, buf)
		if err != nil {
			return out, left, err
		}
		for ; len(items) >= step && left > 0; items = items[step:] {
			e := f.arrayItem(items)
			if e == 0 {
				return out, left, nil
			}
			out = append(out, e)
			left--
		}
		from += len(buf) / step
	}
	return out, left, nil
}

// next returns the first index >= i that may match.
func (c *candidates) next(i int) int {
	if !c.use || i >= c.covered {
		return i
	}
	k := sort.SearchInts(c.idx, i)
	if k < len(c.idx) {
		return c.idx[k]
	}
	return c.covered
}

// prev returns the last index <= i that may match, or -1.
func (c *candidates) prev(i int) int {
	if !c.use || i >= c.covered {
		return i
	}
	k := sort.SearchInts(c.idx, i+1) - 1
	if k >= 0 {
		return c.idx[k]
	}
	return -1
}
