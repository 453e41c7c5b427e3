package theme

// ShownHead returns the start of s, text not yet made inert, that shows in
// a cell of at most w cells exactly as s does: it is cut where Clean of it
// is wider than w+1 cells and between two printable ASCII bytes, which lie
// in two grapheme clusters and never inside a character or a stand-in, so
// that Fit, Cut and CellWidth up to w give what they give for s. A 100 KB
// line is then cleaned and measured only as far as a screen can show it.
// Text with no such place to cut in reach is returned whole.
func ShownHead(s string, w int) string {
	for n := 2*w + 8; n < len(s); n *= 4 {
		i := asciiPairFrom(s, n)
		if i < 0 {
			return s
		}
		if CellWidth(Clean(s[:i])) > w+1 {
			return s[:i]
		}
		n = i
	}
	return s
}

// asciiPairFrom is the first i >= n where s[i-1] and s[i] are both
// printable ASCII, -1 for none.
func asciiPairFrom(s string, n int) int {
	for i := max(n, 1); i < len(s); i++ {
		if printableASCII(s[i-1]) && printableASCII(s[i]) {
			return i
		}
	}
	return -1
}
