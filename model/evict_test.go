package model

import (
	"context"
	"testing"
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
