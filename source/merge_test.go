package source

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
)

// linesAt returns n batches of size lines, the i-th line of all stamped
// start plus i milliseconds.
func linesAt(start time.Time, n, size int) [][]model.Record {
	var out [][]model.Record
	for k := range n {
		var b []model.Record
		for j := range size {
			i := k*size + j
			t := start.Add(time.Duration(i) * time.Millisecond)
			b = append(b, model.Record{Raw: fmt.Appendf(nil, "%s [INFO] [connector] line %d", t.Format(time.RFC3339Nano), i), Offset: int64(i) * 64})
		}
		out = append(out, b)
	}
	return out
}

// Two inputs read together whose entries are all later in one than in the
// other (the logs of two days): the later one is not decoded ahead of the
// merge by more than the merger's bound and what is in flight, and the
// timeline comes out whole and in order.
func TestMergeBoundsWhatALaterInputQueues(t *testing.T) {
	defer func(n int) { mergeQueueMax = n }(mergeQueueMax)
	mergeQueueMax = 100
	const batches, size = 400, 10
	day := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	early := &scripted{batches: linesAt(day, batches, size)}
	late := &scripted{batches: linesAt(day.Add(24*time.Hour), batches, size)}
	// What may be decoded past the bound: a batch in each channel and stage
	// between the source and the merger, generously.
	bound := int64(mergeQueueMax + 40*size)
	var worst atomic.Int64
	early.before = func(int) {
		if n := late.sent.Load(); n > worst.Load() {
			worst.Store(n)
		}
	}
	var got []model.Entry
	sink := func(es []model.Entry, _ bool) {
		for _, e := range es {
			got = append(got, model.Entry{Time: e.Time})
		}
	}
	done := make(chan struct{})
	go func() {
		Ingest(context.Background(), []Feed{{ID: 0, Source: early}, {ID: 1, Source: late}}, sink, nil)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the merge never ended: an input waits for room that never comes")
	}
	if w := worst.Load(); w > bound {
		t.Errorf("while the earlier input was read, the later one had sent %d lines; at most %d may wait", w, bound)
	}
	if len(got) != 2*batches*size {
		t.Fatalf("%d entries came out of %d", len(got), 2*batches*size)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Time.Before(got[i-1].Time) {
			t.Fatalf("entry %d (%v) comes out after a later one (%v)", i, got[i].Time, got[i-1].Time)
		}
	}
}

// An input that ends is waited for however long it is quiet: the earlier of
// two files, slow to send its first lines, still comes out first. A
// followed input that goes quiet no longer holds the other back.
func TestMergeWaitsForAQuietInputOnlyWhenItEnds(t *testing.T) {
	day := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	for _, finite := range []bool{true, false} {
		t.Run(fmt.Sprintf("finite=%v", finite), func(t *testing.T) {
			release := make(chan struct{})
			slow := &scripted{batches: linesAt(day, 3, 10), before: func(k int) {
				if k == 0 {
					<-release // quiet well past mergeIdleAfter
				}
			}}
			later := &scripted{batches: linesAt(day.Add(time.Hour), 3, 10)}
			var mu sync.Mutex
			var got []time.Time
			sink := func(es []model.Entry, _ bool) {
				mu.Lock()
				defer mu.Unlock()
				for _, e := range es {
					got = append(got, e.Time)
				}
			}
			done := make(chan struct{})
			go func() {
				Ingest(context.Background(), []Feed{{ID: 0, Source: slow, Finite: finite}, {ID: 1, Source: later, Finite: finite}}, sink, nil)
				close(done)
			}()
			time.Sleep(10 * mergeIdleAfter)
			mu.Lock()
			early := len(got)
			mu.Unlock()
			close(release)
			<-done
			if finite && early != 0 {
				t.Errorf("%d entries of the later input came out while the earlier one, which ends, was quiet", early)
			}
			if !finite && early == 0 {
				t.Errorf("a quiet followed input held the other back")
			}
			if len(got) != 60 {
				t.Fatalf("%d entries came out of 60", len(got))
			}
			if finite {
				for i := 1; i < len(got); i++ {
					if got[i].Before(got[i-1]) {
						t.Fatalf("entry %d (%v) comes out after a later one (%v)", i, got[i], got[i-1])
					}
				}
			}
		})
	}
}
