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
