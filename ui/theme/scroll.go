package theme

// ScrollTop is the first row a list of n rows shows in h lines so that the
// cursor is on screen, as near the middle as the list allows.
func ScrollTop(cursor, h, n int) int {
	if h <= 0 || n <= h {
		return 0
	}
	return min(max(cursor-h/2, 0), n-h)
}
