package ui

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLongRows measures a cursor move and a redraw at 80x24 over rows
// of 100 KB each, of which a screen shows the first 80 cells: the cost
// must follow what is shown, not the length of the lines.
func BenchmarkLongRows(b *testing.B) {
	es := fixtureEntries()[:0]
	for i := range 200 {
		es = append(es, text(i*1000, fmt.Sprintf("INFO long%03d ", i)+strings.Repeat("Z", 100_400)))
	}
	st, _ := newFixtureStore(b, es)
	m := newTestModel(b, st, 80, 24)
	down, up := keys("j")[0], keys("k")[0]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i/20%2 == 1 {
			k = up
		}
		nm, _ := m.Update(k)
		m = nm.(Model)
		_ = m.View().Content
	}
}
