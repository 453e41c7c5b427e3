package ui

import (
	"context"
	"testing"

	"connlog/model"
)

// manyEntries is n service lines, enough for several loader chunks.
func manyEntries(n int) []model.Entry {
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = service(i, model.LevelInfo, "connector", "", "line")
	}
	return es
}

// TestLoadInOrder checks that the chunks loaded on several goroutines come
// back in view order, every row once.
func TestLoadInOrder(t *testing.T) {
	st, _ := newFixtureStore(t, manyEntries(3*triageChunk+17))
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for c := range loadInOrder(context.Background(), sn, v, 0, v.Len(), 0) {
		for _, e := range c.entries {
			if want := v.At(i); e.Seq != want {
				t.Fatalf("row %d is entry %d; want %d", i, e.Seq, want)
			}
			i++
		}
	}
	if i != v.Len() {
		t.Errorf("%d rows loaded; want %d", i, v.Len())
	}
}

// TestLoadInOrderStops checks that a cancelled load closes its channel
// early instead of reading on.
func TestLoadInOrderStops(t *testing.T) {
	st, _ := newFixtureStore(t, manyEntries(8*triageChunk))
	sn := st.Snapshot()
	v, _ := model.BuildView(context.Background(), sn, model.Filter{})
	ctx, cancel := context.WithCancel(context.Background())
	chunks := loadInOrder(ctx, sn, v, 0, v.Len(), 0)
	<-chunks
	cancel()
	n := 0
	for range chunks {
		n++
	}
	if n >= 7 {
		t.Errorf("%d more chunks after the cancel; want the load to stop", n)
	}
}
