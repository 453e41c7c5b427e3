package main

import (
	"testing"
	"time"

	"connlog/model"
)

// The updates the ingest loop sends carry the store's counters as they
// were after the entries went in, so that the status line's memory and
// loss follow the rows without the UI taking the store's lock; the sink
// tells how many entries it stored (for the load phases).
func TestUpdatesCarryTheStoresCounters(t *testing.T) {
	store := model.NewStore(model.StoreOptions{})
	u := newUpdater()
	es := make([]model.Entry, 100)
	for i := range es {
		es[i] = model.Entry{Time: time.Unix(int64(i), 0), Kind: model.KindText, Raw: []byte("a line of text"),
			Origin: model.Origin{Offset: -1}}
	}
	stored := 0
	u.sink(store, func(n int) { stored += n })(es, false)
	if stored != len(es) {
		t.Errorf("the sink told of %d entries stored, want %d", stored, len(es))
	}
	up := <-u.ch
	if up.Appended != len(es) || up.Stats == nil {
		t.Fatalf("update %+v: want %d appended, with the store's counters", up, len(es))
	}
	if want := store.Stats(); up.Stats.MemBytes != want.MemBytes || up.Stats.Entries != want.Entries {
		t.Errorf("the update counts %d bytes and %d entries, the store %d and %d",
			up.Stats.MemBytes, up.Stats.Entries, want.MemBytes, want.Entries)
	}
}
