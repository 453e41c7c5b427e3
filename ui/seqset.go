package ui

import "math/bits"

// seqSet is a set of Seqs kept as a bitmap, in pages of seqPageSeqs Seqs
// each, a page allocated only where the set has a member: two bits an
// entry at most for the level index's errors and warnings, however many
// the log holds. (A list of Seqs took 8 bytes a member, and was copied
// whole at every batch prepended to it: a log whose service warned at
// every line, opened tail first, held 30-50 MiB more for 1.5 million
// warnings.)
//
// Seqs may be negative (entries prepended before the first appended), and
// a page is found by the Seq's high bits either side of zero. A set is
// built by add, from nothing; once handed on it is not changed: union
// and dropBelow return new sets that share the pages they leave as they
// were.
type seqSet struct {
	base  int64      // the page number of pages[0]
	pages []*seqPage // nil where the set has no member
	n     int        // members
}

// seqPage is the bits of seqPageSeqs consecutive Seqs.
type seqPage [seqPageSeqs / 64]uint64

const (
	seqPageShift = 12
	seqPageSeqs  = 1 << seqPageShift
)

// pageOf splits seq into its page number and its bit in that page.
func pageOf(seq int64) (page int64, bit int) {
	return seq >> seqPageShift, int(seq & (seqPageSeqs - 1))
}

// len returns how many Seqs the set holds.
func (s seqSet) len() int { return s.n }

// add puts seq in a set being built, whose pages nothing else holds yet.
func (s *seqSet) add(seq int64) {
	p, b := pageOf(seq)
	s.reach(p)
	pg := s.pages[p-s.base]
	if pg == nil {
		pg = new(seqPage)
		s.pages[p-s.base] = pg
	}
	if w, m := &pg[b/64], uint64(1)<<(b%64); *w&m == 0 {
		*w |= m
		s.n++
	}
}

// reach grows the page list of a set being built to cover page p.
func (s *seqSet) reach(p int64) {
	switch {
	case len(s.pages) == 0:
		s.base, s.pages = p, []*seqPage{nil}
	case p < s.base:
		s.pages = append(make([]*seqPage, s.base-p, s.base-p+int64(len(s.pages))), s.pages...)
		s.base = p
	case p >= s.end():
		s.pages = append(s.pages, make([]*seqPage, p-s.end()+1)...)
	}
}

// end returns the page number after the last page.
func (s seqSet) end() int64 { return s.base + int64(len(s.pages)) }

// union returns the Seqs of both sets. A page only one of them has is
// shared, not copied.
func (s seqSet) union(o seqSet) seqSet {
	if o.n == 0 {
		return s
	}
	if s.n == 0 {
		return o
	}
	lo, hi := min(s.base, o.base), max(s.end(), o.end())
	out := seqSet{base: lo, pages: make([]*seqPage, hi-lo), n: s.n + o.n}
	copy(out.pages[s.base-lo:], s.pages)
	for i, op := range o.pages {
		j := o.base + int64(i) - lo
		switch sp := out.pages[j]; {
		case op == nil:
		case sp == nil:
			out.pages[j] = op
		default:
			both := *sp
			for w := range both {
				out.n -= bits.OnesCount64(both[w] & op[w])
				both[w] |= op[w]
			}
			out.pages[j] = &both
		}
	}
	return out
}

// dropBelow returns the set without its Seqs below first.
func (s seqSet) dropBelow(first int64) seqSet {
	p, b := pageOf(first)
	switch {
	case s.n == 0 || p < s.base:
		return s
	case p >= s.end():
		return seqSet{}
	}
	out := seqSet{base: p, pages: make([]*seqPage, s.end()-p), n: s.lenFrom(first)}
	copy(out.pages, s.pages[p-s.base:])
	if pg := out.pages[0]; pg != nil && b > 0 {
		kept := *pg
		for w := range kept {
			kept[w] &^= belowMask(w, b)
		}
		out.pages[0] = &kept
	}
	return out
}

// lenFrom counts the Seqs from first on, without copying the set: the
// status line counts what the store still holds at every frame.
func (s seqSet) lenFrom(first int64) int {
	p, b := pageOf(first)
	switch {
	case s.n == 0 || p < s.base:
		return s.n
	case p >= s.end():
		return 0
	}
	n := s.n
	for _, pg := range s.pages[:p-s.base] {
		n -= pageCount(pg)
	}
	if pg := s.pages[p-s.base]; pg != nil {
		for w := range pg {
			n -= bits.OnesCount64(pg[w] & belowMask(w, b))
		}
	}
	return n
}

// belowMask is the bits of word w of a page that stand for Seqs below bit
// b of the page.
func belowMask(w, b int) uint64 {
	switch {
	case (w+1)*64 <= b:
		return ^uint64(0)
	case w*64 < b:
		return 1<<(b%64) - 1
	}
	return 0
}

// pageCount returns how many Seqs page pg holds (0 for nil).
func pageCount(pg *seqPage) int {
	if pg == nil {
		return 0
	}
	n := 0
	for _, w := range pg {
		n += bits.OnesCount64(w)
	}
	return n
}

// next returns the first Seq of the set after seq (forward) or before it
// (backward).
func (s seqSet) next(seq int64, forward bool) (int64, bool) {
	if s.n == 0 {
		return 0, false
	}
	if forward {
		return s.firstFrom(seq + 1)
	}
	return s.lastUpTo(seq - 1)
}

// firstFrom returns the smallest Seq of the set at or after seq.
func (s seqSet) firstFrom(seq int64) (int64, bool) {
	p, b := pageOf(seq)
	if p < s.base {
		p, b = s.base, 0
	}
	for ; p < s.end(); p, b = p+1, 0 {
		pg := s.pages[p-s.base]
		if pg == nil {
			continue
		}
		for w := b / 64; w < len(pg); w++ {
			word := pg[w]
			if w == b/64 {
				word &^= 1<<(b%64) - 1
			}
			if word != 0 {
				return p<<seqPageShift + int64(w*64+bits.TrailingZeros64(word)), true
			}
		}
	}
	return 0, false
}

// lastUpTo returns the largest Seq of the set at or before seq.
func (s seqSet) lastUpTo(seq int64) (int64, bool) {
	p, b := pageOf(seq)
	if p >= s.end() {
		p, b = s.end()-1, seqPageSeqs-1
	}
	for ; p >= s.base; p, b = p-1, seqPageSeqs-1 {
		pg := s.pages[p-s.base]
		if pg == nil {
			continue
		}
		for w := b / 64; w >= 0; w-- {
			word := pg[w]
			if w == b/64 && b%64 < 63 {
				word &= 1<<(b%64+1) - 1
			}
			if word != 0 {
				return p<<seqPageShift + int64(w*64+63-bits.LeadingZeros64(word)), true
			}
		}
	}
	return 0, false
}
