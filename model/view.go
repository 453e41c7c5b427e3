package model

import (
	"context"
	"runtime"
	"sort"
	"sync"
)

// Filter selects entries for a view. Load is the least an entry must be
// loaded for Match to decide (LoadIndex for level or field terms on indexed
// keys, LoadRaw for bare words, LoadFull for message terms).
type Filter struct {
	Match func(*Entry) bool // nil matches everything
	Load  Load
}

// View is the result of a filter over the store: the Seqs of the matching
// entries, in store order. It is extended as entries arrive (Extend) and
// rebuilt off the UI goroutine when the filter changes (BuildView).
type View struct {
	all  bool    // the filter matches everything: seqs is not materialised
	seqs []int64 // matching Seqs, ascending
	from int64   // with all: the first Seq
	next int64   // the first Seq not yet examined
}

// Len returns how many entries match.
func (v *View) Len() int {
	if v.all {
		return int(v.next - v.from)
	}
	return len(v.seqs)
}

// At returns the Seq of the i-th matching entry.
func (v *View) At(i int) int64 {
	if v.all {
		return v.from + int64(i)
	}
	return v.seqs[i]
}

// Index returns the position of the first matching entry with Seq >= seq
// (Len() when there is none).
func (v *View) Index(seq int64) int {
	if v.all {
		return int(min(max(seq, v.from), v.next) - v.from)
	}
	return sort.Search(len(v.seqs), func(i int) bool { return v.seqs[i] >= seq })
}

// Next returns the first Seq the view has not examined yet.
func (v *View) Next() int64 { return v.next }

// Extend examines the entries appended since the view was last extended and
// returns how many matched. It is O(new entries), never a recompute.
func (v *View) Extend(sn *Snapshot, f Filter) int {
	from := max(v.next, sn.First())
	if v.all {
		if v.Len() == 0 {
			v.from = from
		}
		n := int(sn.End() - max(v.next, from))
		v.next = sn.End()
		return n
	}
	before := len(v.seqs)
	v.seqs = filterRange(context.Background(), sn, f, from, sn.End(), v.seqs)
	v.next = sn.End()
	return len(v.seqs) - before
}

// Trim drops Seqs the store has evicted; it returns how many went.
func (v *View) Trim(sn *Snapshot) int {
	if v.all {
		if v.from >= sn.First() {
			return 0
		}
		n := int(min(sn.First(), v.next) - v.from)
		v.from = min(sn.First(), v.next)
		return n
	}
	i := v.Index(sn.First())
	v.seqs = v.seqs[i:]
	return i
}

// BuildView filters the whole snapshot, using every core: the range is cut
// into one segment per CPU and the results joined in order. It stops early,
// returning ctx's error, when ctx is cancelled (a newer filter was typed).
func BuildView(ctx context.Context, sn *Snapshot, f Filter) (*View, error) {
	if f.Match == nil {
		return &View{all: true, from: sn.First(), next: sn.End()}, nil
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), sn.Len()/4096))
	parts := make([][]int64, workers)
	step := (sn.End() - sn.First() + int64(workers) - 1) / int64(workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo := sn.First() + int64(w)*step
		hi := min(lo+step, sn.End())
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = filterRange(ctx, sn, f, lo, hi, nil)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	v := &View{next: sn.End()}
	for _, p := range parts {
		v.seqs = append(v.seqs, p...)
	}
	return v, nil
}

// filterRange appends the Seqs in [lo, hi) that match f. An entry whose raw
// bytes cannot be re-read is judged on what could be loaded.
func filterRange(ctx context.Context, sn *Snapshot, f Filter, lo, hi int64, out []int64) []int64 {
	var e Entry
	for seq := lo; seq < hi; seq++ {
		if seq&0xfff == 0 && ctx.Err() != nil {
			return out
		}
		_ = sn.Load(seq, &e, f.Load)
		if f.Match == nil || f.Match(&e) {
			out = append(out, seq)
		}
	}
	return out
}
