package inert

// RawSpan maps the bytes [from, to) of Sanitize(s) onto s: it returns the
// bytes of s that those show, taking whole a stand-in either end cuts
// (\x0 of \x07 is the bell). A caller that found a part of a value as it
// is shown marks it so on the value as it is, which is what a view keeps
// and makes inert when it draws it.
func RawSpan(s string, from, to int) (rawFrom, rawTo int) {
	rawFrom, rawTo = len(s), len(s)
	var unit [16]byte // the longest stand-in, ‹U+10FFFF›, takes 12 bytes
	for i, at := 0, 0; i < len(s); {
		next, end := i+1, at+1
		if c := s[i]; c < 0x20 || c >= 0x7f {
			var shown []byte
			shown, next, _ = appendUnit(unit[:0], s, i)
			end = at + len(shown)
		}
		if from >= at && from < end {
			rawFrom = i
		}
		if to > at && to <= end {
			return rawFrom, next
		}
		i, at = next, end
	}
	return rawFrom, rawTo
}
