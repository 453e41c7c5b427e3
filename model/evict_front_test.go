package model

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// timedLines returns n lines named prefix0… one millisecond apart from at.
func timedLines(prefix string, from, n int, at time.Time) []Entry {
	es := make([]Entry, n)
	for i := range es {
		es[i] = service(fmt.Sprintf("%s%d", prefix, from+i), at.Add(time.Duration(from+i)*time.Millisecond))
	}
	return es
}

// checkNewestStretch checks what a store under its budget holds of total
// lines line0… in time order: one gap first, whose count is the ledger's
// loss, then the newest lines, every one of them from the first held on.
func checkNewestStretch(t *testing.T, s *Store, total int) {
	t.Helper()
	sn, st := s.Snapshot(), s.Stats()
	if st.Evicted == 0 {
		t.Fatal("nothing was dropped: the test does not test")
	}
	var e Entry
	if err := sn.Load(sn.First(), &e, LoadIndex); err != nil || e.Kind != KindGap {
		t.Fatalf("the first entry held is %v (%v), not the gap", e.Kind, err)
	}
	if n, _ := e.Fields.Num(KeyGapCount); int64(n) != st.Loss.ByKind[GapEvictionReason] || int64(n) != st.Evicted || st.Loss.Events != 1 {
		t.Errorf("the front gap says %d lines; ledger %d in %d events, store %d", int64(n), st.Loss.ByKind[GapEvictionReason], st.Loss.Events, st.Evicted)
	}
	gaps, _ := gapTotals(t, sn)
	if gaps != 1 {
		t.Errorf("%d gap entries, want the one in front", gaps)
	}
	got := contents(t, sn)[1:]
	first := total - len(got)
	if int64(first) != st.Evicted {
		t.Errorf("%d lines held and %d dropped of %d", len(got), st.Evicted, total)
	}
	for i, line := range got {
		if want := fmt.Sprintf("line%d", first+i); line != want {
			t.Fatalf("held line %d is %q, want %q: the lines held are not the newest, in order", i, line, want)
		}
	}
	if gapTime, lineTime := sn.Time(sn.First()), sn.Time(sn.FirstLine()); !gapTime.Equal(lineTime) {
		t.Errorf("the gap is dated %v, the first line held %v", gapTime, lineTime)
	}
}

// A file read tail first under a small budget: its tail, then its head in
// blocks, newest first. Once the budget is full, an older block cannot be
// held: what is held is the newest stretch, with one gap in front that
// counts every line dropped or not loaded.
func TestPrependUnderBudgetKeepsTheNewestStretch(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	const block, blocks = 3000, 60
	total := block*blocks + 1000
	s.Append(timedLines("line", block*blocks, 1000, t0))
	for b := blocks - 1; b >= 0; b-- {
		s.Prepend(timedLines("line", b*block, block, t0))
	}
	checkNewestStretch(t, s, total)
}

// Appended lines (standard input, a followed file) under a small budget:
// the evictions keep one gap in front, its count growing.
func TestAppendUnderBudgetKeepsOneFrontGap(t *testing.T) {
	// Room for a few row chunks past the raw bytes' arena chunks: whole
	// chunks of lines are evicted, not only the one the gap stands in.
	s := NewStore(StoreOptions{MaxMemory: 3*arenaChunkBytes + 8*rowChunkBytes})
	const batch, batches = 1000, 600
	v, err := BuildView(context.Background(), s.Snapshot(), Filter{Match: func(e *Entry) bool { return e.Kind == KindGap }})
	if err != nil {
		t.Fatal(err)
	}
	for b := range batches {
		s.Append(timedLines("line", b*batch, batch, t0))
		sn := s.Snapshot()
		v.Trim(sn)
		v.Extend(sn, Filter{Match: func(e *Entry) bool { return e.Kind == KindGap }})
	}
	checkNewestStretch(t, s, batch*batches)
	// A view kept up as the store evicts sees the one gap too, though it
	// takes the place of an evicted line each time.
	sn := s.Snapshot()
	gap, _ := sn.FrontGap()
	if v.Len() != 1 || v.At(0) != gap {
		t.Errorf("a kind:gap view extended as lines came holds %d rows, want the front gap %d alone", v.Len(), gap)
	}
}

// A backfill that stopped once the budget was full says how many lines it
// did not read with a gap of the budget's reason: the front gap counts
// them, and stays the only one.
func TestPrependedBudgetGapJoinsTheFrontGap(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	const block = 3000
	b := 50
	s.Append(timedLines("line", b*block, 1000, t0))
	for ; !s.Full(); b-- {
		s.Prepend(timedLines("line", (b-1)*block, block, t0))
	}
	notRead := Entry{Kind: KindGap, Level: LevelWarn, Origin: Origin{Offset: -1},
		Fields: Fields{Str(KeyGapReason, GapEvictionReason), Int(KeyGapCount, int64(b*block))}}
	s.Prepend([]Entry{notRead})
	checkNewestStretch(t, s, 50*block+1000)
}
