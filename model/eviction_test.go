package model

import (
	"testing"
	"time"
)

// A snapshot under its budget says what it cost: the front gap's count, the
// time of the oldest line held, and how many entries are held after the
// gap; one that lost nothing says nothing.
func TestSnapshotEvictionReadsTheFrontGap(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	at := time.Date(2026, 2, 9, 0, 0, 0, 0, time.UTC)
	if ev := s.Snapshot().Eviction(); ev.Partial() || ev.GapSeq != 0 {
		t.Fatalf("an empty store reports %+v", ev)
	}
	s.Append(timedLines("line", 0, 100, at))
	if ev := s.Snapshot().Eviction(); ev.Partial() {
		t.Fatalf("a store within its budget reports %+v", ev)
	}
	for i := 1; i < 200 && s.Stats().Evicted == 0; i++ {
		s.Append(timedLines("line", i*1000, 1000, at))
	}
	sn, st := s.Snapshot(), s.Stats()
	ev := sn.Eviction()
	if !ev.Partial() || ev.Lines != st.Evicted {
		t.Fatalf("eviction %+v, the store evicted %d", ev, st.Evicted)
	}
	if !ev.Before.Equal(sn.Time(sn.FirstLine())) || ev.GapSeq != sn.First() || ev.Held != int64(sn.Len()-1) {
		t.Errorf("eviction %+v; first line at %v, gap seq %d, %d entries held", ev, sn.Time(sn.FirstLine()), sn.First(), sn.Len())
	}
}
