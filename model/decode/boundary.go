package decode

import "connlog/model"

// BeginsPart reports whether a reader that decodes a file in parts, apart
// and out of order (a tail-first read: its tail, then the blocks of its
// head, newest first), may begin a part at line, read right after prev.
// It may when line begins an entry of its own and has a time of its own:
// then neither that entry nor the times the untimed lines after it inherit
// (see settle) depend on the lines before the part.
//
// line does not begin an entry of its own when prev is a piece of a line
// the container runtime split (a docker json-file line without its
// newline, a CRI "P" line) or opens a JSON document or an indented block,
// or when line is indented or closes a document. The answer errs towards
// false: a part then merely begins a few lines later. d decodes the two
// lines' envelopes as it decodes records; it must serve that reader alone.
func (d *Decoder) BeginsPart(prev, line []byte) bool {
	p := d.decodeRecord(&model.Record{Raw: prev})
	if p.env.Partial || opensBlock(p.payload) {
		return false
	}
	if _, opens := opensDocument(p.payload); opens {
		return false
	}
	l := d.decodeRecord(&model.Record{Raw: line})
	if len(l.payload) > 0 {
		switch l.payload[0] {
		case ' ', '\t', '}', ']':
			return false
		}
	}
	if !l.env.Time.IsZero() {
		return true
	}
	rs := parseSafely(l.payload, d.results[:0], nil)
	timed := !rs[0].Time.IsZero()
	clear(rs) // drop references to the fields parsed
	d.results = rs[:0]
	return timed
}

// ForgetTimes drops the times that lines without one of their own would
// inherit: the next such line takes its receive time, as a source's first
// line does. A reader decoding a file's parts out of order calls it before
// each part, whose first line has its own time (see BeginsPart) unless the
// part begins the file.
func (d *Decoder) ForgetTimes() {
	d.times = inheritance{}
}
