package model

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// TestViewExtendWithPrependsEqualsRebuild drives a view through appends,
// prepends and evictions, extending it after each step, and checks it
// against a view built from scratch on the same snapshot.
func TestViewExtendWithPrependsEqualsRebuild(t *testing.T) {
	warn := Filter{Match: func(e *Entry) bool { return e.Level >= LevelWarn }}
	cases := []struct {
		name   string
		filter Filter
		budget int64
		steps  string // a = append, p = prepend
	}{
		{"filtered, prepends only", warn, 0, "pppp"},
		{"filtered, both ends", warn, 0, "apapppaa"},
		{"match-all, both ends", Filter{}, 0, "papapp"},
		{"filtered, evicting", warn, 8 << 20, "apppppppppapp"},
		{"match-all, evicting", Filter{}, 8 << 20, "appppppppppapp"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The steps are reckoned in raw chunks of arenaChunkBytes: the
			// first eviction comes with a prepend.
			s := withArenaChunks(NewStore(StoreOptions{MaxMemory: tc.budget}), arenaChunkBytes)
			v, err := BuildView(context.Background(), s.Snapshot(), tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			for i, step := range tc.steps {
				batch := make([]Entry, 0, 9000)
				for j := 0; j < 3000; j++ {
					id := fmt.Sprint(i, "-", j)
					batch = append(batch, service("a", t0), analytics(id, EventFailed, t0.Add(time.Second)), service("b", t0))
				}
				if step == 'p' {
					s.Prepend(batch)
				} else {
					s.Append(batch)
				}
				sn := s.Snapshot()
				lenBefore := v.Len()
				v.Trim(sn)
				trimmed := lenBefore - v.Len()
				front, back := v.ExtendEnds(sn, tc.filter)
				// An evicting prepend may add its gap entry after the newest.
				if step == 'p' && (front == 0 && tc.budget == 0 || back != gapsAfter(t, sn, v, back)) {
					t.Fatalf("step %d: a prepend matched front %d, back %d", i, front, back)
				}
				if step == 'a' && (front != 0 || back == 0) {
					t.Fatalf("step %d: an append matched front %d, back %d", i, front, back)
				}
				if v.Len() != lenBefore-trimmed+front+back {
					t.Fatalf("step %d: len %d, want %d-%d+%d+%d", i, v.Len(), lenBefore, trimmed, front, back)
				}
				assertSameView(t, v, sn, tc.filter)
			}
		})
	}
}

// gapsAfter counts the eviction gap entries among the last n rows of v.
func gapsAfter(t *testing.T, sn *Snapshot, v *View, n int) int {
	t.Helper()
	gaps := 0
	var e Entry
	for i := v.Len() - n; i < v.Len(); i++ {
		if err := sn.Load(v.At(i), &e, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if e.Kind == KindGap && e.Fields.Value(KeyGapReason) == GapEvictionReason {
			gaps++
		}
	}
	return gaps
}

func assertSameView(t *testing.T, v *View, sn *Snapshot, f Filter) {
	t.Helper()
	full, err := BuildView(context.Background(), sn, f)
	if err != nil {
		t.Fatal(err)
	}
	if v.Len() != full.Len() {
		t.Fatalf("incremental view has %d rows, rebuilt %d", v.Len(), full.Len())
	}
	for i := 0; i < v.Len(); i++ {
		if v.At(i) != full.At(i) {
			t.Fatalf("row %d: incremental %d, rebuilt %d", i, v.At(i), full.At(i))
		}
		if !sn.Has(v.At(i)) {
			t.Fatalf("row %d: Seq %d is not held", i, v.At(i))
		}
	}
	// Index finds every row by its Seq, and a Seq between two rows at
	// the later one, in the prepended rows and the others alike.
	for i := 0; i < v.Len(); i++ {
		if got := v.Index(v.At(i)); got != i {
			t.Fatalf("Index of row %d's Seq %d is %d", i, v.At(i), got)
		}
		if i > 0 && v.At(i)-1 > v.At(i-1) {
			if got := v.Index(v.At(i) - 1); got != i {
				t.Fatalf("Index of Seq %d, between rows %d and %d, is %d", v.At(i)-1, i-1, i, got)
			}
		}
	}
	if v.Len() > 0 && (v.Index(v.At(0)-1) != 0 || v.Index(v.At(v.Len()-1)+1) != v.Len()) {
		t.Errorf("Index before the first row is %d, after the last %d (of %d)", v.Index(v.At(0)-1), v.Index(v.At(v.Len()-1)+1), v.Len())
	}
	if v.Pending(sn) {
		t.Error("the view still has entries pending after an extension")
	}
}

func TestMatchAllViewIndexAcrossZero(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.Append(numbered("tail", 3))
	s.Prepend(numbered("head", 3))
	v, _ := BuildView(context.Background(), s.Snapshot(), Filter{})
	cases := []struct {
		name string
		seq  int64
		want int
	}{
		{"oldest", -3, 0},
		{"just before the hole", -1, 2},
		{"the hole finds the next entry", 0, 3},
		{"first appended", 1, 3},
		{"past the end", 9, 6},
		{"before the start", -9, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := v.Index(tc.seq); got != tc.want {
				t.Errorf("Index(%d) = %d, want %d", tc.seq, got, tc.want)
			}
		})
	}
	var seqs []int64
	for i := 0; i < v.Len(); i++ {
		seqs = append(seqs, v.At(i))
	}
	if fmt.Sprint(seqs) != "[-3 -2 -1 1 2 3]" {
		t.Errorf("seqs = %v", seqs)
	}
}

// TestViewTrimThenPrependLeavesCopiesIntact: the prepended rows of a view
// are trimmed (the store evicted the oldest), then more are prepended. A
// copy of the view taken before the trim, as a search reads one on its own
// goroutine, must still read what it held: the prepend must not write
// where the trimmed rows were.
func TestViewTrimThenPrependLeavesCopiesIntact(t *testing.T) {
	warn := Filter{Match: func(e *Entry) bool { return e.Level >= LevelWarn }}
	s := NewStore(StoreOptions{})
	s.Append(cloneBatch("tail", 300))
	v, err := BuildView(context.Background(), s.Snapshot(), warn)
	if err != nil {
		t.Fatal(err)
	}
	s.Prepend(cloneBatch("head", 300))
	sn := s.Snapshot()
	if front, _ := v.ExtendEnds(sn, warn); front < 10 {
		t.Fatalf("the prepend matched %d rows: too few to trim some", front)
	}
	old := *v
	held := viewSeqs(&old)

	// The store evicts the oldest half of the prepended rows (told by a
	// snapshot whose first entry is later), and the view is trimmed.
	evicted := *sn
	evicted.first = posOf(v.At(v.front.len() / 2))
	if n := v.Trim(&evicted); n == 0 || v.front.len() == 0 {
		t.Fatalf("the trim dropped %d rows and left %d prepended: the test needs some of each", n, v.front.len())
	}
	// More are prepended, and the view extended over them with a filter
	// that leaves out the rows the trim dropped (which this store never
	// evicted): a prepend then writes other Seqs than the trimmed ones, so
	// that a write where they were shows in the copy.
	s.Prepend(cloneBatch("older", 300))
	olderOnly := Filter{Load: LoadRaw, Match: func(e *Entry) bool {
		return e.Level >= LevelWarn && bytes.Contains(e.Raw, []byte("older"))
	}}
	if front, _ := v.ExtendEnds(s.Snapshot(), olderOnly); front == 0 {
		t.Fatal("the second prepend matched no row")
	}
	if got := viewSeqs(&old); fmt.Sprint(got) != fmt.Sprint(held) {
		t.Fatal("the copy taken before the trim reads other rows after the prepend")
	}
}

// TestBuildViewOverManySegments: a view built by the cores, segment by
// segment, holds what one scan of the whole range finds, in order; and a
// build cancelled half-way returns the context's error.
func TestBuildViewOverManySegments(t *testing.T) {
	s := NewStore(StoreOptions{})
	batch := make([]Entry, 0, 4096)
	const n = 5*buildSegment + 123
	for i := range n {
		e := service("x", t0)
		if i%3 == 0 || i/buildSegment == 2 { // one segment matches whole
			e.Level = LevelWarn
		}
		batch = append(batch, e)
		if len(batch) == cap(batch) {
			s.Append(batch)
			batch = batch[:0]
		}
	}
	s.Append(batch)
	sn := s.Snapshot()
	warn := Filter{Match: func(e *Entry) bool { return e.Level >= LevelWarn }}
	v, err := BuildView(context.Background(), sn, warn)
	if err != nil {
		t.Fatal(err)
	}
	want := filterRange(context.Background(), sn, warn, sn.first, sn.end, nil)
	if got := viewSeqs(v); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("built %d rows, one scan finds %d", len(got), len(want))
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int64
	halfway := Filter{Match: func(e *Entry) bool {
		if calls.Add(1) == n/2 {
			cancel()
		}
		return true
	}}
	if _, err := BuildView(ctx, sn, halfway); !errors.Is(err, context.Canceled) {
		t.Fatalf("a build cancelled half-way returned %v", err)
	}
}
