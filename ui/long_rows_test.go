package ui

import (
	"runtime"
	"testing"
)

// TestKeysOnLongRowsCostWhatTheyShow: moving over rows of 100 KB (an
// ANALYTICS event with a huge field, long service and text lines) builds,
// cleans and measures only what the screen shows of them, not the lines:
// a key and a redraw allocate far less than one line per row on screen.
func TestKeysOnLongRowsCostWhatTheyShow(t *testing.T) {
	st, _ := newFixtureStore(t, longMixedEntries())
	m := newTestModel(t, st, 120, 35)
	down := keys("j")[0]
	const n = 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range n {
		nm, _ := m.Update(down)
		m = nm.(Model)
		_ = m.View().Content
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 1<<20 {
		t.Errorf("%d bytes allocated per key over rows of 100 KB, want under 1 MiB", per)
	}
}
