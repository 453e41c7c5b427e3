package inert

// SanitizeStandIns is Sanitize, with the byte ranges in its result of
// the stand-ins it wrote (␛, \x00, \t, ‹U+202E›), in order: a wrap that
// splits \x1b into \x and 1b shows two pieces that read as neither, so a
// caller that wraps keeps each range on one line.
func SanitizeStandIns(s string) (string, [][2]int) {
	if Plain(s) {
		return s, nil
	}
	dst := make([]byte, 0, len(s)+16)
	var spans [][2]int
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			dst = append(dst, c)
			i++
			continue
		}
		from := len(dst)
		var standIn bool
		if dst, i, standIn = appendUnit(dst, s, i); standIn {
			spans = append(spans, [2]int{from, len(dst)})
		}
	}
	return string(dst), spans
}
