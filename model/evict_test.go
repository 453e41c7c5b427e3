package model

import (
	"context"
	"testing"
	"time"
)

// gapTotals returns the eviction gap entries a kind:gap view finds in sn
// and the lines they say were dropped.
func gapTotals(t *testing.T, sn *Snapshot) (entries int, lines int64) {
	t.Helper()
	v, err := BuildView(context.Background(), sn, Filter{Match: func(e *Entry) bool { return e.Kind == KindGap }})
	if err != nil {
		t.Fatal(err)
	}
	var e Entry
	for i := 0; i < v.Len(); i++ {
		if err := sn.Load(v.At(i), &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		n, ok := e.Fields.Num(KeyGapCount)
		if e.Fields.Value(KeyGapReason) != GapEvictionReason || !ok || n <= 0 {
			t.Fatalf("gap entry %d: fields %v", v.At(i), e.Fields)
		}
		lines += int64(n)
	}
	return v.Len(), lines
}

// flushGaps lets the gap interval pass, so that Snapshot writes the
// eviction gap entry a backfill left pending.
func flushGaps(s *Store) {
	defer func(old func() time.Time) { now = old }(now)
	later := time.Now().Add(2 * gapEvery)
	now = func() time.Time { return later }
	s.Snapshot()
}

// Evictions under the budget are entries too: kind:gap finds them with the
// reason and the number of lines, and together they account for every line
// evicted, as the ledger does.
func TestEvictionsMakeGapEntries(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 3 * rowChunkBytes})
	for range 100 {
		s.Append(numbered("x", 1000))
	}
	st := s.Stats()
	n, lines := gapTotals(t, s.Snapshot())
	if st.Evicted == 0 || n == 0 {
		t.Fatalf("evicted %d, gap entries %d: the test must evict", st.Evicted, n)
	}
	// Gap entries may be evicted in turn (the ledger keeps their count), so
	// the held ones tell of at most what was evicted, and of something.
	if lines > st.Evicted || st.Loss.ByKind[GapEvictionReason] != st.Evicted {
		t.Errorf("gap entries say %d lines, ledger %d, store evicted %d", lines, st.Loss.ByKind[GapEvictionReason], st.Evicted)
	}
}

// A file opened tail first prepends block after block; under the budget
// each may evict. Their gap entries are written at most once per gapEvery
// (not one per block), and the rest as soon as prepending stops.
func TestPrependEvictionGapsAreCoalesced(t *testing.T) {
	defer func(old func() time.Time) { now = old }(now)
	at := time.Now()
	now = func() time.Time { return at }
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	s.Append(numbered("tail", 1000))
	for range 60 {
		s.Prepend(numbered("head", 3000))
	}
	n, _ := gapTotals(t, s.Snapshot())
	if n > 1 {
		t.Errorf("%d gap entries within one interval, want at most 1", n)
	}
	at = at.Add(gapEvery)
	n, lines := gapTotals(t, s.Snapshot())
	st := s.Stats()
	if st.Evicted == 0 || lines != st.Evicted || n > 2 {
		t.Errorf("after the interval: %d gap entries telling of %d lines; evicted %d", n, lines, st.Evicted)
	}
}
