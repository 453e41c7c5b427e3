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

// The lines evicted were read first: the eviction says when the earliest
// of them was, which tells a time in the lines evicted from one before the
// input began. Earlier lines prepended later move it back.
func TestEvictionKnowsTheEarliestLineRead(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	for i := 0; i < 200 && s.Stats().Evicted == 0; i++ {
		s.Append(timedLines("line", i*1000, 1000, t0.Add(time.Hour)))
	}
	ev := s.Snapshot().Eviction()
	if !ev.Partial() || !ev.Earliest.Equal(t0.Add(time.Hour)) {
		t.Fatalf("eviction %+v; want the earliest line at %v", ev, t0.Add(time.Hour))
	}
	s2 := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	s2.Append(timedLines("line", 150_000, 1000, t0))
	for b := 49; !s2.Full(); b-- {
		s2.Prepend(timedLines("line", b*3000, 3000, t0))
	}
	if ev := s2.Snapshot().Eviction(); !ev.Earliest.Before(t0.Add(150 * time.Second)) {
		t.Errorf("after prepending older lines, eviction %+v", ev)
	}
}

// Lines a backfill counted without reading them (it stopped once the
// budget was full) have no time: the earliest line of the input is then
// not known.
func TestEvictionOfLinesNotReadKnowsNoEarliest(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	s.Append(timedLines("line", 150_000, 1000, t0))
	b := 50
	for ; !s.Full(); b-- {
		s.Prepend(timedLines("line", (b-1)*3000, 3000, t0))
	}
	if ev := s.Snapshot().Eviction(); ev.Earliest.IsZero() {
		t.Fatalf("before the lines not read, eviction %+v knows no earliest line", ev)
	}
	notRead := Entry{Kind: KindGap, Level: LevelWarn, Origin: Origin{Offset: -1},
		Fields: Fields{Str(KeyGapReason, GapEvictionReason), Int(KeyGapCount, int64(b*3000))}}
	s.Prepend([]Entry{notRead})
	if ev := s.Snapshot().Eviction(); !ev.Partial() || !ev.Earliest.IsZero() {
		t.Errorf("with lines not read, eviction %+v; want no earliest line", ev)
	}
}
