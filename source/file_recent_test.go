package source

import "testing"

// Each of up to 16 files followed at once keeps a megabyte of what it read
// last; more share 16 MiB, down to 64 KiB each.
func TestRecentBytesShare(t *testing.T) {
	for _, c := range []struct{ files, want int }{
		{0, 1 << 20}, {1, 1 << 20}, {16, 1 << 20}, {32, 512 << 10}, {50, (16 << 20) / 50}, {256, 64 << 10}, {10000, 64 << 10},
	} {
		if got := RecentBytesShare(c.files); got != c.want {
			t.Errorf("RecentBytesShare(%d) = %d, want %d", c.files, got, c.want)
		}
	}
}
