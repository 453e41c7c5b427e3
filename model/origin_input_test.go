package model

import (
	"testing"
	"time"
)

// TestStoreKeepsTheInput: the name of an entry's input comes back with its
// origin from the index, for each input of a store that holds several, so
// that a view filtered by file: finds its entries.
func TestStoreKeepsTheInput(t *testing.T) {
	s := NewStore(StoreOptions{})
	es := []Entry{service("a", t0), service("b", t0.Add(time.Second)), service("c", t0.Add(2*time.Second))}
	es[0].Source, es[0].Origin.Input = 0, "a.log"
	es[1].Source, es[1].Origin.Input = 1, "/var/log/b.log"
	es[2].Source, es[2].Origin.Input = 0, "a.log"
	s.Append(es)
	sn := s.Snapshot()
	for i, want := range []string{"a.log", "/var/log/b.log", "a.log"} {
		var e Entry
		if err := sn.Load(int64(i+1), &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if e.Origin.Input != want {
			t.Errorf("entry %d: input %q, want %q", i+1, e.Origin.Input, want)
		}
	}
}
