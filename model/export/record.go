package export

import "connlog/model"

// sameRecord remembers the last record written, so that the entries one
// record yields (a flow message's traffic items, a Pangolin response's rows)
// write it once in the formats that hold records rather than entries.
type sameRecord struct {
	valid bool
	last  model.Entry // its Source, Origin.Offset and a copy of its Raw
}

// continues reports whether e is a further entry of the record remembered
// last, and otherwise remembers e's record.
func (s *sameRecord) continues(e *model.Entry) bool {
	if s.valid && e.SameRecord(&s.last) {
		return true
	}
	s.valid = true
	s.last.Source, s.last.Origin.Offset = e.Source, e.Origin.Offset
	s.last.Raw = append(s.last.Raw[:0], e.Raw...)
	return false
}

// isMarker reports a gap or boundary entry that carries no line of its own:
// it was never input, so formats of lines do not write it.
func isMarker(e *model.Entry) bool { return e.IsMark() }
