package ui

import (
	"context"
	"runtime"
	"sync"

	"connlog/model"
	"connlog/model/triage"
)

// triageChunk is how many entries a loader reads at a time.
const triageChunk = 4096

// loadedChunk is rows [.., hi) of a view, loaded; evicted rows are left
// out of entries, so hi says where the chunk ends.
type loadedChunk struct {
	entries []model.Entry
	hi      int
}

// loadInOrder loads rows [from, to) of a view, in chunks, on
// every core, as much as parts read of each (the index alone, or a re-read
// and a re-parse for the lines whose templates need their text), and hands
// the chunks to the caller in view order: loading costs more than
// counting, so it is what is spread. The channel closes when every chunk
// was sent or ctx is cancelled; an entry whose bytes cannot be re-read
// comes with what the index holds, and an entry evicted since is left out.
func loadInOrder(ctx context.Context, sn *model.Snapshot, vc *model.View, from, to int, parts triage.Parts) <-chan loadedChunk {
	workers := max(1, runtime.GOMAXPROCS(0))
	order := make(chan chan loadedChunk, 2*workers)
	work := make(chan loadTask)
	go func() { // hands out the chunks, remembering their order
		defer close(order)
		defer close(work)
		for lo := from; lo < to; lo += triageChunk {
			out := make(chan loadedChunk, 1)
			t := loadTask{lo: lo, hi: min(lo+triageChunk, to), out: out}
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
				t.out <- loadedChunk{entries: loadRows(sn, vc, t.lo, t.hi, parts), hi: t.hi}
			}
		}()
	}
	chunks := make(chan loadedChunk)
	go func() { // passes the chunks on in order
		defer close(chunks)
		for out := range order {
			select {
			case c := <-out:
				select {
				case chunks <- c:
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
	out    chan<- loadedChunk
}

// loadRows loads rows [lo, hi) of a view, as much of each as parts read,
// into a chunk from the pool: loading into entries loaded before reuses
// their field slices, which would otherwise be grown anew for every entry.
func loadRows(sn *model.Snapshot, vc *model.View, lo, hi int, parts triage.Parts) []model.Entry {
	es := (*chunkPool.Get().(*[]model.Entry))[:0]
	for i := lo; i < hi; i++ {
		seq := vc.At(i)
		if !sn.Has(seq) {
			continue
		}
		if len(es) < cap(es) {
			es = es[:len(es)+1]
		} else {
			es = append(es, model.Entry{})
		}
		loadFor(sn, seq, &es[len(es)-1], parts)
	}
	return es
}

// loadFor loads entry seq into e as far as parts read it: its time, level
// and kind alone when that is all they need (most lines of a level-7 stream
// for every view but the templates), its index, or all of it.
func loadFor(sn *model.Snapshot, seq int64, e *model.Entry, parts triage.Parts) {
	k, l := sn.Kind(seq), sn.Level(seq)
	if !parts.ReadsFields(k, l) {
		*e = model.Entry{Seq: seq, Time: sn.Time(seq), Level: l, Kind: k, Fields: e.Fields[:0]}
		return
	}
	_ = sn.Load(seq, e, parts.Load(k))
}

// chunkPool holds loaded chunks for reuse once counted (see recycle).
var chunkPool = sync.Pool{New: func() any { es := make([]model.Entry, 0, triageChunk); return &es }}

// recycle gives a chunk back once its entries were counted: a Triage keeps
// nothing of an entry but copies (strings, which loads never overwrite).
func recycle(es []model.Entry) {
	if cap(es) == triageChunk {
		chunkPool.Put(&es)
	}
}
