package table

import "testing"

// TestKeepsOnlyTheLastTwoScreens: however many screens have been drawn,
// the cache keeps the entries of the last two, no more: an entry kept
// after the store evicts it keeps alive the store's arena chunk its raw
// bytes lie in, 4 MiB of a piped log.
func TestKeepsOnlyTheLastTwoScreens(t *testing.T) {
	tb := newTable(t, lines(t, 20_000, oneHost), 80, 11, TimeColumn(), message)
	rows := tb.pageRows()
	for i := range 200 {
		tb = press(tb, "pgdown")
		tb.View()
		if n := tb.cache.len(); n > 2*rows {
			t.Fatalf("after %d screens the cache keeps %d entries; want at most two screens' %d", i+1, n, 2*rows)
		}
	}
	// Drawing the same screen again loads nothing again.
	before := tb.cache.cur[tb.data.View.At(tb.top)]
	tb.View()
	if after := tb.cache.cur[tb.data.View.At(tb.top)]; after == nil || after != before {
		t.Errorf("the screen drawn again loaded its top row again (%p, then %p)", before, after)
	}
}
