package decode

import "connlog/model"

// PartStart tells a reader that decodes a file in parts, apart and out of
// order (a tail-first read: its tail, then the blocks of its head, newest
// first), whether a part may begin at line, read right after prev. It may
// when line begins an entry: the part then holds the whole entry. It had
// better when line also has a time of its own (timed): the untimed lines
// after it then inherit their time (see settle) from within the part, as
// a forward read gives them.
//
// line does not begin an entry when prev is a piece of a line the
// container runtime split (a docker json-file line without its newline, a
// CRI "P" line) or opens a JSON document or an indented block, when the two
// are of different streams, or when line is indented or closes a document. The answer errs towards false: a part
// then merely begins a few lines later. d decodes the two lines' envelopes
// as it decodes records; it must serve that reader alone.
func (d *Decoder) PartStart(prev, line []byte) (entry, timed bool) {
	var p, l logical
	d.decodeRecord(&model.Record{Raw: prev}, &p)
	if p.env.Partial || opensBlock(p.payload) {
		return false, false
	}
	if _, opens := opensDocument(p.payload); opens {
		return false, false
	}
	d.decodeRecord(&model.Record{Raw: line}, &l)
	if l.env.Stream != p.env.Stream {
		// A runtime copies stdout and stderr on its own: line may be the
		// last piece of a line its stream split before prev (see parts).
		return false, false
	}
	if len(l.payload) > 0 {
		switch l.payload[0] {
		case ' ', '\t', '}', ']':
			return false, false
		}
	}
	if !l.env.Time.IsZero() {
		return true, true
	}
	origin := originOf(&l)
	rs := parseSafely(l.payload, d.results[:0], nil, &origin)
	timed = !rs[0].Time.IsZero()
	clear(rs) // drop references to the fields parsed
	d.results = rs[:0]
	return true, timed
}

// ForgetTimes drops the times that lines without one of their own would
// inherit: the next such line is a lead again (see SettleLead), as a
// source's first line is. A reader decoding a file's parts out of order calls it before
// each part, whose first line has its own time when one was found near
// enough (see PartStart), and otherwise must not take one from another part.
func (d *Decoder) ForgetTimes() {
	d.lastTime() // a mark may still take it
	d.times, d.led, d.composed = inheritance{}, nil, false
}
