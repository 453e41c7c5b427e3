package theme

// ScrollTop is the first row a list of n rows shows in h lines so that the
// cursor is on screen, as near the middle as the list allows.
func ScrollTop(cursor, h, n int) int {
	if h <= 0 || n <= h {
		return 0
	}
	return min(max(cursor-h/2, 0), n-h)
}

// ListMove is a movement of a list's cursor that a key asks for.
type ListMove uint8

// The movements, from none to the last row.
const (
	NoMove ListMove = iota
	MoveUp
	MoveDown
	MovePageUp
	MovePageDown
	MoveTop
	MoveBottom
)

// MoveCursor returns where move takes a cursor over n rows, page rows to a
// page. A row for which heading holds (nil: none) is never landed on: the
// cursor goes on past it, or stays where it was when no row is left that
// way, so that a list of tables with headings moves over values only.
func MoveCursor(move ListMove, cursor, n, page int, heading func(int) bool) int {
	next := func(i, step int) int {
		for j := i + step; j >= 0 && j < n; j += step {
			if heading == nil || !heading(j) {
				return j
			}
		}
		return max(i, 0)
	}
	switch move {
	case MoveUp:
		return next(cursor, -1)
	case MoveDown:
		return next(cursor, 1)
	case MovePageUp:
		return next(max(cursor-page, 0)+1, -1)
	case MovePageDown:
		return next(min(cursor+page, n-1)-1, 1)
	case MoveTop:
		return next(-1, 1)
	case MoveBottom:
		return next(n, -1)
	}
	return cursor
}
