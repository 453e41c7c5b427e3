package model

import (
	"testing"
	"time"
)

// A snapshot knows the earliest and the latest time of the entries it
// holds, whatever order they came in: a file of yesterday's lines appended
// after today's has its first and last rows of today and yesterday's in
// between.
func TestHeldSpanWhateverTheOrder(t *testing.T) {
	s := NewStore(StoreOptions{})
	if first, last := s.Snapshot().HeldSpan(); !first.IsZero() || !last.IsZero() {
		t.Fatalf("an empty store holds %v–%v", first, last)
	}
	yesterday := t0.Add(-24 * time.Hour)
	s.Append(timedLines("today", 0, 3, t0))
	s.Append(timedLines("yesterday", 0, 3, yesterday))
	s.Append([]Entry{{Kind: KindText, Raw: []byte("no time")}})
	s.Append(timedLines("today", 10, 3, t0))
	first, last := s.Snapshot().HeldSpan()
	if !first.Equal(yesterday) || !last.Equal(t0.Add(12*time.Millisecond)) {
		t.Errorf("held span %v–%v; want %v–%v", first, last, yesterday, t0.Add(12*time.Millisecond))
	}
}

// Once the budget has evicted the oldest lines, the span is of the lines
// held, not of those evicted: an old day read and evicted leaves no dates
// on the rows held.
func TestHeldSpanForgetsTheLinesEvicted(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	old := t0.Add(-72 * time.Hour)
	s.Append(timedLines("old", 0, 1000, old))
	for i := 1; i < 400 && s.Stats().Evicted < 1000; i++ {
		s.Append(timedLines("line", i*1000, 1000, t0))
	}
	if s.Stats().Evicted < 1000 {
		t.Fatal("the old lines were not evicted: the test does not test")
	}
	sn := s.Snapshot()
	first, last := sn.HeldSpan()
	if first.Before(t0) || !last.Equal(sn.Time(sn.End()-1)) {
		t.Errorf("held span %v–%v; want from %v or later to %v", first, last, t0, sn.Time(sn.End()-1))
	}
}
