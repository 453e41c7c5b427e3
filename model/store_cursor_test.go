package model

import (
	"testing"
	"time"
)

// A line joined from several journal entries keeps where reading it ended
// beside where it begins, through the index and a load of only its fields;
// a line of one entry has no end cursor, and neither cursor makes an
// origin of its own.
func TestStoreKeepsAJoinedLinesEndCursor(t *testing.T) {
	s := NewStore(StoreOptions{})
	es := []Entry{service("joined", t0), service("single", t0.Add(time.Second))}
	es[0].Origin.Journal = &JournalFields{Cursor: "s=abc;i=10", EndCursor: "s=abc;i=12", Unit: "docker.service"}
	es[1].Origin.Journal = &JournalFields{Cursor: "s=abc;i=13", Unit: "docker.service"}
	s.Append(es)
	sn := s.Snapshot()
	for _, load := range []Load{LoadIndex, LoadRaw} {
		var joined, single Entry
		if err := sn.Load(1, &joined, load); err != nil {
			t.Fatal(err)
		}
		if err := sn.Load(2, &single, load); err != nil {
			t.Fatal(err)
		}
		if j := joined.Origin.Journal; j == nil || j.Cursor != "s=abc;i=10" || j.EndCursor != "s=abc;i=12" || j.Unit != "docker.service" {
			t.Errorf("load %v: joined line's journal fields %+v", load, j)
		}
		if j := single.Origin.Journal; j == nil || j.Cursor != "s=abc;i=13" || j.EndCursor != "" {
			t.Errorf("load %v: single line's journal fields %+v", load, j)
		}
		if _, ok := joined.Fields.Get(keyEnd); ok {
			t.Errorf("load %v: the end cursor leaked into the fields", load)
		}
	}
	if n := len(s.origins.list); n != 1 {
		t.Errorf("%d origins for two lines of one unit", n)
	}
}
