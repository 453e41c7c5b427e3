package ui

import (
	"fmt"
	"strings"
	"testing"

	"connlog/model"
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
	benchMoves(b, newTestModel(b, st, 80, 24), 20)
}

// benchMoves moves the cursor down and up by turns of n rows, a key and a
// redraw per op.
func benchMoves(b *testing.B, m Model, n int) {
	down, up := keys("j")[0], keys("k")[0]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i/n%2 == 1 {
			k = up
		}
		nm, _ := m.Update(k)
		m = nm.(Model)
		_ = m.View().Content
	}
}

// longMixedEntries are rows of about 100 KB of each kind a connector
// writes so: an ANALYTICS event with a huge field, a long service line, and
// a long text line with control bytes in it.
func longMixedEntries() []model.Entry {
	huge := strings.Repeat("y", 100_000)
	var es []model.Entry
	for i := range 60 {
		ms := i * 3000
		es = append(es,
			analytics(ms, model.EventFailed, fmt.Sprintf("id-%03d", i), "bob@example.com", "CONNECTION_FAILED: "+huge, 0, 0, 0),
			service(ms+1000, model.LevelInfo, "libsdwan", "listen::relay", fmt.Sprintf("long%03d ", i)+huge),
			text(ms+2000, fmt.Sprintf("INFO long%03d \x1b[31m\x00", i)+huge))
	}
	return es
}

// BenchmarkLongMixedRows is BenchmarkLongRows over rows of every kind, at
// 120x35 with the detail pane closed.
func BenchmarkLongMixedRows(b *testing.B) {
	st, _ := newFixtureStore(b, longMixedEntries())
	benchMoves(b, newTestModel(b, st, 120, 35), 40)
}
