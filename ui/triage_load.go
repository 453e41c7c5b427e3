package ui

import (
	"context"
	"runtime"

	"connlog/model"
)

// triageChunk is how many entries a loader reads at a time.
const triageChunk = 4096

// loadInOrder loads the rows of a view in full, in chunks, on every core,
// and hands the chunks to the caller in view order: loading (a re-read and
// a re-parse per entry) costs more than counting, so it is what is spread.
// The channel closes when every chunk was sent or ctx is cancelled; an
// entry whose bytes cannot be re-read comes with what the index holds, and
// an entry evicted since is left out.
func loadInOrder(ctx context.Context, sn *model.Snapshot, vc *model.View) <-chan []model.Entry {
	workers := max(1, runtime.GOMAXPROCS(0))
	order := make(chan chan []model.Entry, 2*workers)
	work := make(chan loadTask)
	go func() { // hands out the chunks, remembering their order
		defer close(order)
		defer close(work)
		for lo := 0; lo < vc.Len(); lo += triageChunk {
			out := make(chan []model.Entry, 1)
			t := loadTask{lo: lo, hi: min(lo+triageChunk, vc.Len()), out: out}
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case work <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			for t := range work {
				t.out <- loadRows(sn, vc, t.lo, t.hi)
			}
		}()
	}
	chunks := make(chan []model.Entry)
	go func() { // passes the chunks on in order
		defer close(chunks)
		for out := range order {
			select {
			case es := <-out:
				select {
				case chunks <- es:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return chunks
}

// loadTask is one chunk to load: rows [lo, hi) of the view, sent to out.
type loadTask struct {
	lo, hi int
	out    chan<- []model.Entry
}

// loadRows loads rows [lo, hi) of a view in full.
func loadRows(sn *model.Snapshot, vc *model.View, lo, hi int) []model.Entry {
	es := make([]model.Entry, 0, hi-lo)
	for i := lo; i < hi; i++ {
		seq := vc.At(i)
		if !sn.Has(seq) {
			continue
		}
		es = append(es, model.Entry{})
		_ = sn.Load(seq, &es[len(es)-1], model.LoadFull)
	}
	return es
}
