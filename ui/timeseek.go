package ui

import (
	"math"

	"connlog/model"
)

// timeSeek finds rows of a view by time through its page spans (see
// pageTimes): a seek reads the spans and, of the rows, only those of the
// pages whose span can hold what it looks for.
type timeSeek struct {
	sn     *model.Snapshot
	v      *model.View
	pages  pageTimes
	budget int // rows a search may still read (see refineBudget)
}

// seekWhere says where a time asked for stands against the view's rows.
type seekWhere uint8

const (
	seekAmong  seekWhere = iota // a row is at or after it, and one before it
	seekBefore                  // every row is after it
	seekAfter                   // every row is before it
)

// String names the place.
func (w seekWhere) String() string {
	return [...]string{seekAmong: "among", seekBefore: "before", seekAfter: "after"}[w]
}

// seekResult is the row a seek lands on, its time and where the time
// asked for stands.
type seekResult struct {
	row   int
	ns    int64
	where seekWhere
}

// refineBudget bounds the rows a seek reads beyond the first row at or
// after the time: in a view whose times are scattered (every page spanning
// hours) the search for a nearer one stops there, on a row that is still
// at or after the time, rather than read millions in the interface's
// goroutine.
const refineBudget = 1 << 18

// first returns the first row, in the view's order, of a page whose span
// passes page and whose time passes row; false when there is none, or the
// budget ran out first.
func (s *timeSeek) first(page func(timeSpan) bool, row func(ns int64) bool) (int, int64, bool) {
	n := s.v.Len()
	for k, sp := range s.pages.spans {
		if sp.empty() || !page(sp) {
			continue
		}
		p := s.pages.base + int64(k)
		end := (p + 1) << seqPageShift
		for i := s.v.Index(p << seqPageShift); i < n && s.budget > 0; i++ {
			seq := s.v.At(i)
			if seq >= end {
				break
			}
			s.budget--
			if ns, ok := rowTime(s.sn, seq); ok && row(ns) {
				return i, ns, true
			}
		}
		if s.budget <= 0 {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// at finds the row a go-to-time lands on: of the rows whose time is at or
// after t, one of those nearest to t, the first in the view's order (in a
// log whose times only go forward: the first row at or after t); else the
// latest row. It says when t is before or after every row. ok is false for
// a view without a timed row.
func (s *timeSeek) at(t int64) (seekResult, bool) {
	s.budget = math.MaxInt
	row, ns, ok := s.first(func(sp timeSpan) bool { return sp.hi >= t }, func(ns int64) bool { return ns >= t })
	if !ok {
		return s.latest()
	}
	// A row nearer t may come later in the view, when times go back.
	s.budget = refineBudget
	for ns > t {
		bound := ns
		r, rns, found := s.first(func(sp timeSpan) bool { return sp.hi >= t && sp.lo < bound },
			func(x int64) bool { return x >= t && x < bound })
		if !found {
			break
		}
		row, ns = r, rns
	}
	s.budget = refineBudget
	_, _, below := s.first(func(sp timeSpan) bool { return sp.lo < t }, func(x int64) bool { return x < t })
	if !below && s.budget > 0 && ns > t {
		return seekResult{row: row, ns: ns, where: seekBefore}, true
	}
	return seekResult{row: row, ns: ns}, true
}

// within returns the first row, in the view's order, whose time is in
// [from, to): the rows of a bucket of the timeline strip.
func (s *timeSeek) within(from, to int64) (seekResult, bool) {
	s.budget = math.MaxInt
	row, ns, ok := s.first(func(sp timeSpan) bool { return sp.hi >= from && sp.lo < to },
		func(x int64) bool { return x >= from && x < to })
	return seekResult{row: row, ns: ns}, ok
}

// latest returns the first row of the latest time, for a time after every
// row.
func (s *timeSeek) latest() (seekResult, bool) {
	top := int64(math.MinInt64)
	for _, sp := range s.pages.spans {
		if !sp.empty() {
			top = max(top, sp.hi)
		}
	}
	s.budget = math.MaxInt
	row, ns, ok := s.first(func(sp timeSpan) bool { return sp.hi == top }, func(x int64) bool { return x == top })
	return seekResult{row: row, ns: ns, where: seekAfter}, ok
}
