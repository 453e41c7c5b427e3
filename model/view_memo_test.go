package model

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// A Maybe that reads no time is asked once per dictionary entry of a chunk
// rather than once per row: the view is the same as when it is asked for
// every row. The entries span several chunks, each giving the same
// dictionary indexes to other levels, and come from both ends of the
// store, so an answer kept from one chunk would be wrong in the next.
func TestTimelessMaybeAnswersPerChunkEntry(t *testing.T) {
	s := NewStore(StoreOptions{})
	levels := []Level{LevelDebug, LevelInfo, LevelWarn, LevelError, LevelNotice}
	entry := func(i, chunk int) Entry {
		e := service(fmt.Sprintf("listen::channel_event: event %d", i%7), t0.Add(time.Duration(i)*time.Millisecond))
		e.Level = levels[(i+chunk)%len(levels)]
		if i%50 == 0 { // each its own dictionary entry, asked for each
			e = analytics(fmt.Sprint("c", i), EventFailed, e.Time)
		}
		return e
	}
	const n = 3*rowChunkRows + 100
	batch := make([]Entry, 0, 512)
	flush := func(front bool) {
		if front {
			s.Prepend(batch)
		} else {
			s.Append(batch)
		}
		batch = batch[:0]
	}
	for i := range n {
		batch = append(batch, entry(i, i/rowChunkRows))
		if len(batch) == cap(batch) {
			flush(false)
		}
	}
	flush(false)
	for i := range rowChunkRows + 300 { // older lines, read tail first
		batch = append(batch, entry(i, 7))
		if len(batch) == cap(batch) {
			flush(true)
		}
	}
	flush(true)
	sn := s.Snapshot()
	var asked atomic.Int64
	match := func(e *Entry) bool { return e.Level >= LevelWarn && e.Kind == KindService }
	maybe := func(e *Entry) bool { asked.Add(1); return match(e) }
	timeless := Filter{Match: match, Maybe: maybe, MaybeTimeless: true}
	with, _ := BuildView(context.Background(), sn, timeless)
	askedWith := asked.Swap(0)
	timeless.MaybeTimeless = false
	without, _ := BuildView(context.Background(), sn, timeless)
	if with.Len() == 0 || with.Len() == sn.Len() {
		t.Fatalf("the filter matched %d of %d: the test no longer tells answers apart", with.Len(), sn.Len())
	}
	if !slices.Equal(seqs(with), seqs(without)) {
		t.Fatalf("asked per dictionary entry: %d matches; asked per row: %d", with.Len(), without.Len())
	}
	if askedWith >= asked.Load()/4 {
		t.Errorf("Maybe was asked %d times per dictionary entry against %d per row: the answers are not shared", askedWith, asked.Load())
	}
}

// An entry Sure accepts is taken without being loaded or matched, row by
// row or per dictionary entry, and the view is the one Match alone builds.
func TestSureEntriesAreTakenWithoutLoading(t *testing.T) {
	s := NewStore(StoreOptions{})
	for i := range 2*rowChunkRows + 10 {
		e := service(fmt.Sprint("event ", i%9), t0.Add(time.Duration(i)*time.Millisecond))
		e.Level = []Level{LevelDebug, LevelInfo, LevelWarn, LevelError}[i%4]
		s.Append([]Entry{e})
	}
	sn := s.Snapshot()
	warn := func(e *Entry) bool { return e.Level >= LevelWarn }
	plain, _ := BuildView(context.Background(), sn, Filter{Match: warn})
	for _, timeless := range []bool{true, false} {
		var matched atomic.Int64
		f := Filter{Match: func(e *Entry) bool { matched.Add(1); return warn(e) }, Maybe: warn, Sure: warn,
			MaybeTimeless: timeless, Load: LoadIndex}
		v, _ := BuildView(context.Background(), sn, f)
		if !slices.Equal(seqs(v), seqs(plain)) {
			t.Errorf("timeless %v: %d matches with Sure, %d without", timeless, v.Len(), plain.Len())
		}
		if matched.Load() != 0 {
			t.Errorf("timeless %v: Match was asked %d times of entries Sure had taken", timeless, matched.Load())
		}
	}
}

// seqs lists a view's Seqs.
func seqs(v *View) []int64 {
	out := make([]int64, v.Len())
	for i := range out {
		out[i] = v.At(i)
	}
	return out
}
