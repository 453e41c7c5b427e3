package export

import (
	"bytes"

	"connlog/model"
)

// sameRecord remembers the last record written, so that the entries one
// record yields (a flow message's traffic items, a Pangolin response's rows)
// write it once in the formats that hold records rather than entries.
type sameRecord struct {
	valid  bool
	source model.SourceID
	offset int64
	raw    []byte
}

// continues reports whether e is a further entry of the record remembered
// last, and otherwise remembers e's record.
func (s *sameRecord) continues(e *model.Entry) bool {
	if e.Item > 0 && s.valid && e.Source == s.source && e.Origin.Offset == s.offset && bytes.Equal(e.Raw, s.raw) {
		return true
	}
	s.valid = true
	s.source = e.Source
	s.offset = e.Origin.Offset
	s.raw = append(s.raw[:0], e.Raw...)
	return false
}

// isMarker reports a gap or boundary entry that carries no line of its own:
// it was never input, so formats of lines do not write it.
func isMarker(e *model.Entry) bool { return e.IsMark() }
