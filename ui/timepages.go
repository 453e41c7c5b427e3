package ui

import "connlog/model"

// pageTimes holds, for every page of Seqs (seqPageSeqs consecutive Seqs,
// as seqSet pages them) where the view has a timed row, the earliest and
// the latest time of its rows there. A go-to-time looks only at the pages
// whose span can hold the time asked for, so that it is exact whatever
// order the log's times come in (a clock stepped back, a replayed backlog,
// inputs merged while one of them goes back), without scanning the rows:
// a binary search over the rows assumes times that only go forward.
//
// A set is built by add, from nothing; once handed on it is not changed:
// union and dropBelow return new sets.
type pageTimes struct {
	base  int64      // the page number of spans[0]
	spans []timeSpan // empty where the page has no timed row
}

// timeSpan is the earliest and latest time (ns) of a page's rows; lo > hi
// when it has none.
type timeSpan struct{ lo, hi int64 }

// noSpan is the span of a page without a timed row.
var noSpan = timeSpan{lo: 1<<63 - 1, hi: -1 << 63}

func (s timeSpan) empty() bool { return s.lo > s.hi }

// widen returns s taking in o.
func (s timeSpan) widen(o timeSpan) timeSpan {
	return timeSpan{lo: min(s.lo, o.lo), hi: max(s.hi, o.hi)}
}

// rowTime returns the time of seq in ns, and false for a row the seek
// cannot go by: evicted, or without a time of its own (as timedFrom).
func rowTime(sn *model.Snapshot, seq int64) (int64, bool) {
	if !sn.Has(seq) {
		return 0, false
	}
	t := sn.Time(seq)
	if t.Unix() <= 0 {
		return 0, false
	}
	return t.UnixNano(), true
}

// scanTimes returns the page spans of the view's rows [from, to), read by
// every core (see scanInParts).
func scanTimes(sn *model.Snapshot, v *model.View, from, to int) pageTimes {
	return scanInParts(from, to, func(lo, hi int) pageTimes { return scanTimeRange(sn, v, lo, hi) }, pageTimes.union)
}

// scanTimeRange is scanTimes on one core.
func scanTimeRange(sn *model.Snapshot, v *model.View, from, to int) pageTimes {
	var pt pageTimes
	for i := from; i < to; i++ {
		seq := v.At(i)
		if ns, ok := rowTime(sn, seq); ok {
			pt.add(seq, ns)
		}
	}
	return pt
}

// add takes in the time of seq, in a set being built.
func (pt *pageTimes) add(seq, ns int64) {
	p, _ := pageOf(seq)
	pt.reach(p)
	sp := &pt.spans[p-pt.base]
	*sp = sp.widen(timeSpan{lo: ns, hi: ns})
}

// reach grows the spans of a set being built to cover page p.
func (pt *pageTimes) reach(p int64) {
	switch {
	case len(pt.spans) == 0:
		pt.base, pt.spans = p, []timeSpan{noSpan}
	case p < pt.base:
		pt.spans = append(emptySpans(pt.base-p), pt.spans...)
		pt.base = p
	case p >= pt.end():
		pt.spans = append(pt.spans, emptySpans(p-pt.end()+1)...)
	}
}

func emptySpans(n int64) []timeSpan {
	out := make([]timeSpan, n)
	for i := range out {
		out[i] = noSpan
	}
	return out
}

// end returns the page number after the last page.
func (pt pageTimes) end() int64 { return pt.base + int64(len(pt.spans)) }

// union returns the spans of both sets: rows added at either end.
func (pt pageTimes) union(o pageTimes) pageTimes {
	switch {
	case len(o.spans) == 0:
		return pt
	case len(pt.spans) == 0:
		return o
	}
	lo, hi := min(pt.base, o.base), max(pt.end(), o.end())
	out := pageTimes{base: lo, spans: emptySpans(hi - lo)}
	copy(out.spans[pt.base-lo:], pt.spans)
	for i, sp := range o.spans {
		j := o.base + int64(i) - lo
		out.spans[j] = out.spans[j].widen(sp)
	}
	return out
}

// dropBelow returns the set without the pages wholly below first (evicted
// from the store). The page first is in keeps its span: the rows evicted
// from it are skipped when a seek reads them.
func (pt pageTimes) dropBelow(first int64) pageTimes {
	p, _ := pageOf(first)
	switch {
	case p <= pt.base:
		return pt
	case p >= pt.end():
		return pageTimes{}
	}
	return pageTimes{base: p, spans: pt.spans[p-pt.base:]}
}
