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

// An audit record's stamp from the journal is kept per line, as the
// cursor is, through the index and a load of only its fields: the records
// of one writer share one origin however many stamps they have, and the
// stamp never shows as a field of its own. A full load parses the line
// again with it (decode.Reparse makes its audit_id of it).
func TestStoreKeepsAJournalAuditStamp(t *testing.T) {
	reparse := func(e *Entry) { e.Fields = Fields{Str("reparsed with", e.Origin.Journal.AuditStamp)} }
	s := NewStore(StoreOptions{Reparse: reparse})
	es := []Entry{service("first", t0), service("second", t0.Add(time.Second)), service("third", t0.Add(2*time.Second))}
	stamps := []string{"1796378400.123:456", "1796378400.123:457", ""}
	for i := range es {
		es[i].Origin.Journal = &JournalFields{Cursor: "s=abc;i=" + string(rune('0'+i)), Transport: "audit", AuditStamp: stamps[i]}
	}
	s.Append(es)
	sn := s.Snapshot()
	for _, load := range []Load{LoadIndex, LoadRaw, LoadFull} {
		for i, want := range stamps {
			var e Entry
			if err := sn.Load(int64(i+1), &e, load); err != nil {
				t.Fatal(err)
			}
			if j := e.Origin.Journal; j == nil || j.AuditStamp != want || j.Transport != "audit" {
				t.Errorf("load %v: entry %d's journal fields %+v; want the stamp %q", load, i+1, j, want)
			}
			if _, ok := e.Fields.Get(keyAuditStamp); ok {
				t.Errorf("load %v: the stamp leaked into the fields", load)
			}
			if got, ok := e.Fields.Get("reparsed with"); load == LoadFull && (!ok || got.Value != want) {
				t.Errorf("full load of entry %d parsed again with the stamp %q (%v); want %q", i+1, got.Value, ok, want)
			}
		}
	}
	if n := len(s.origins.list); n != 1 {
		t.Errorf("%d origins for three lines of one writer", n)
	}
}
