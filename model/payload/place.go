package payload

import "connlog/model"

// Place is where a result's own record lies in a payload that yields
// several results: [Start, End), among the records of its container
// (an array's elements, a response's rows, a message's traffic items,
// values written back to back), which lie in [From, To). The parts of the
// others are [From, Start) and [End, To); what the container wraps them
// in is every result's. The zero Place is the whole payload.
type Place struct{ From, Start, End, To int }

// Others appends to dst, in order, the parts of a payload that are other
// results' records: those beside r's record, then those beside its
// traffic item within that record. Positions are shifted by at, where
// the payload begins in the line.
func (r *Result) Others(dst []model.Span, at int) []model.Span {
	for _, s := range [4]model.Span{
		{Start: r.Record.From, End: r.Record.Start},
		{Start: r.Item.From, End: r.Item.Start},
		{Start: r.Item.End, End: r.Item.To},
		{Start: r.Record.End, End: r.Record.To},
	} {
		if s.End > s.Start {
			dst = append(dst, model.Span{Start: s.Start + at, End: s.End + at})
		}
	}
	return dst
}

// siblings places the records of one container, for the results that
// no container within it placed (the traffic items of a message in an
// array are placed by the message first, then among its items).
type siblings struct {
	first    int // len(out) when the container began
	from, to int // the first record's start, the last one's end
	placed   bool
}

func newSiblings(out []Result) siblings { return siblings{first: len(out)} }

// add places the results out[first:], which came from the record at
// [start, end).
func (s *siblings) add(out []Result, first, start, end int) {
	if !s.placed {
		s.from, s.placed = start, true
	}
	s.to = end
	for k := first; k < len(out); k++ {
		if out[k].Record == (Place{}) {
			out[k].Record = Place{Start: start, End: end}
		}
	}
}

// close gives the records placed their container's bounds, [from, to):
// to is where the container's last element ends, so that elements left
// out for the result budget are the last record's.
func (s *siblings) close(out []Result, to int) {
	to = max(to, s.to)
	last := -1
	for k := s.first; k < len(out); k++ {
		if p := &out[k].Record; p.End > 0 && p.To == 0 {
			p.From, p.To = s.from, to
			last = p.Start
		}
	}
	for k := s.first; k < len(out); k++ {
		if p := &out[k].Record; p.To == to && p.Start == last {
			p.End = to
		}
	}
}

// shiftPlaces moves the places of results parsed from doc, a part of p,
// to positions in p; they are cleared when doc is not a part of p's bytes.
func shiftPlaces(rs []Result, p, doc []byte) {
	at, ok := model.OffsetIn(p, doc)
	for k := range rs {
		if !ok {
			rs[k].Record, rs[k].Item = Place{}, Place{}
			continue
		}
		rs[k].Record.shift(at)
		rs[k].Item.shift(at)
	}
}

func (p *Place) shift(at int) {
	if *p != (Place{}) {
		p.From, p.Start, p.End, p.To = p.From+at, p.Start+at, p.End+at, p.To+at
	}
}
