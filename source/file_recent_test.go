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

// What is kept is the last bytes read, at least kept of them and at most
// twice that, in a buffer with no room for more, whatever the sizes of
// the reads; a read that does not follow the last starts over.
func TestRecentBytesKeepTheLastRead(t *testing.T) {
	const kept = 1000
	for _, size := range []int{1, 7, 333, 999, 1000, 1001, 2500} {
		r := recentBytes{kept: kept}
		var all []byte
		for i := 0; len(all) < 10*kept; i++ {
			b := make([]byte, size)
			for j := range b {
				b[j] = byte(len(all) + j)
			}
			r.add(b, int64(len(all)))
			all = append(all, b...)
			n := len(r.buf)
			if n < min(kept, len(all)) || n > 2*kept || cap(r.buf) > 2*kept {
				t.Fatalf("reads of %d: %d bytes kept in room for %d after %d read", size, n, cap(r.buf), len(all))
			}
			got, ok := r.slice(int64(len(all)-n), int64(len(all)))
			if !ok || string(got) != string(all[len(all)-n:]) {
				t.Fatalf("reads of %d: the kept bytes are not the last %d read", size, n)
			}
		}
	}
	r := recentBytes{kept: kept}
	r.add([]byte("abc"), 0)
	r.add([]byte("xyz"), 100)
	if _, ok := r.slice(0, 3); ok {
		t.Error("bytes before a read that does not follow the last are still kept")
	}
	if got, ok := r.slice(100, 103); !ok || string(got) != "xyz" {
		t.Errorf("slice(100, 103) = %q, %v", got, ok)
	}
}
