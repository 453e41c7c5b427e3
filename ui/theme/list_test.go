package theme

import "testing"

func TestScrollTop(t *testing.T) {
	cases := []struct{ cursor, h, n, want int }{
		{0, 10, 5, 0},    // everything fits
		{3, 0, 50, 0},    // no room
		{0, 10, 50, 0},   // at the top
		{20, 10, 50, 15}, // in the middle: the cursor is centred
		{49, 10, 50, 40}, // at the bottom: the last page
		{45, 10, 50, 40},
	}
	for _, c := range cases {
		if got := ScrollTop(c.cursor, c.h, c.n); got != c.want {
			t.Errorf("ScrollTop(%d, %d, %d) = %d; want %d", c.cursor, c.h, c.n, got, c.want)
		}
		if got := ScrollTop(c.cursor, c.h, c.n); c.h > 0 && c.n > c.h && (c.cursor < got || c.cursor >= got+c.h) {
			t.Errorf("ScrollTop(%d, %d, %d) = %d leaves the cursor off screen", c.cursor, c.h, c.n, got)
		}
	}
}

// TestMoveCursor moves over a list with headings at 0 and 4 (values at 1–3
// and 5–9), and over one without.
func TestMoveCursor(t *testing.T) {
	heading := func(i int) bool { return i == 0 || i == 4 }
	cases := []struct {
		name         string
		move         ListMove
		cursor, want int
		heading      func(int) bool
	}{
		{"down skips a heading", MoveDown, 3, 5, heading},
		{"up skips a heading", MoveUp, 5, 3, heading},
		{"up stays on the first value", MoveUp, 1, 1, heading},
		{"down stays on the last", MoveDown, 9, 9, heading},
		{"top is the first value", MoveTop, 7, 1, heading},
		{"bottom is the last row", MoveBottom, 2, 9, heading},
		{"page down lands on a value", MovePageDown, 1, 5, heading},
		{"page up lands on a value", MovePageUp, 7, 3, heading},
		{"page down stops at the end", MovePageDown, 8, 9, heading},
		{"no move", NoMove, 6, 6, heading},
		{"plain up", MoveUp, 4, 3, nil},
		{"plain page up stops at the top", MovePageUp, 2, 0, nil},
		{"plain page down", MovePageDown, 0, 3, nil},
		{"plain top", MoveTop, 5, 0, nil},
	}
	for _, c := range cases {
		if got := MoveCursor(c.move, c.cursor, 10, 3, c.heading); got != c.want {
			t.Errorf("%s: MoveCursor(%d, %d) = %d; want %d", c.name, c.move, c.cursor, got, c.want)
		}
	}
}
