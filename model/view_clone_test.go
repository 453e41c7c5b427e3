package model

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestViewCloneExtendsWhileTheOriginalIsRead extends a clone on another
// goroutine, at both ends, while the original is read row by row, as the
// interface does; run with -race it also proves the two touch no common
// element. The original must read exactly what it held before, and the
// clone what a view built from scratch holds.
func TestViewCloneExtendsWhileTheOriginalIsRead(t *testing.T) {
	warn := Filter{Match: func(e *Entry) bool { return e.Level >= LevelWarn }}
	for _, tc := range []struct {
		name   string
		filter Filter
	}{{"filtered", warn}, {"match-all", Filter{}}} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewStore(StoreOptions{})
			s.Append(cloneBatch("first", 3000))
			v, err := BuildView(context.Background(), s.Snapshot(), tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			before, shared := viewSeqs(v), 0
			for step, grow := range []func([]Entry){s.Append, s.Prepend, s.Append, s.Append, s.Append} {
				grow(cloneBatch(fmt.Sprint("step", step), 300))
				sn := s.Snapshot()
				c := v.Clone()
				var wg sync.WaitGroup
				wg.Add(1)
				go func() {
					defer wg.Done()
					c.Trim(sn)
					c.ExtendEnds(sn, tc.filter)
				}()
				read := viewSeqs(v) // concurrently with the extension
				wg.Wait()
				if fmt.Sprint(read) != fmt.Sprint(before) {
					t.Fatalf("step %d: the original changed while its clone was extended", step)
				}
				if c.Len() <= v.Len() {
					t.Fatalf("step %d: the clone has %d rows, the original %d: nothing was added", step, c.Len(), v.Len())
				}
				assertSameView(t, &c, sn, tc.filter)
				if len(v.seqs.chunks) > 0 && c.seqs.chunks[0] == v.seqs.chunks[0] {
					shared++ // the clone appended into the original's spare capacity
				}
				v = &c // adopt the clone, as the interface does
				before = viewSeqs(v)
			}
			if tc.filter.Match != nil && shared == 0 {
				t.Fatal("no step extended a clone in place: the test did not exercise the shared Seqs")
			}
		})
	}
}

// cloneBatch is n entries, a third of them failures that a warn filter keeps.
func cloneBatch(prefix string, n int) []Entry {
	batch := make([]Entry, 0, n)
	for j := 0; j < n/3; j++ {
		batch = append(batch, service("a", t0), analytics(fmt.Sprint(prefix, j), EventFailed, t0.Add(time.Second)), service("b", t0))
	}
	return batch
}

// viewSeqs reads every Seq of v.
func viewSeqs(v *View) []int64 {
	out := make([]int64, v.Len())
	for i := range out {
		out[i] = v.At(i)
	}
	return out
}
