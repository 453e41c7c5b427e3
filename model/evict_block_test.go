package model

import "testing"

// EvictionBlock rounds down on both sides of Seq 0 (which no entry has),
// block for block with the store's row chunks.
func TestEvictionBlockOfSeqs(t *testing.T) {
	for _, tc := range []struct {
		name      string
		seq, want int64
	}{
		{"first appended", 1, 0},
		{"last of the first chunk", rowChunkRows, 0},
		{"first of the second chunk", rowChunkRows + 1, 1},
		{"newest prepended", -1, -1},
		{"oldest of the first prepended chunk", -rowChunkRows, -1},
		{"newest of the second prepended chunk", -rowChunkRows - 1, -2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := EvictionBlock(tc.seq); got != tc.want {
				t.Errorf("EvictionBlock(%d) = %d; want %d", tc.seq, got, tc.want)
			}
		})
	}
}

// Whatever an append or a prepend evicts lies in the blocks below the
// first held entry's, and every held entry in its block or after: a count
// kept per block is exact after any eviction.
func TestEvictionDropsWholeBlocks(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	evictions := 0
	check := func(step string, before *Snapshot) {
		t.Helper()
		after := s.Snapshot()
		if after.First() <= before.First() || before.Len() == 0 {
			return // nothing evicted
		}
		evictions++
		held := EvictionBlock(after.FirstLine())
		if newestEvicted := seqOf(posOf(after.FirstLine()) - 1); EvictionBlock(newestEvicted) >= held {
			t.Fatalf("%s: entry %d evicted, in block %d; the first held line, %d, is in block %d", step, newestEvicted, EvictionBlock(newestEvicted), after.FirstLine(), held)
		}
	}
	for range 40 {
		before := s.Snapshot()
		s.Append(numbered("tail", 3000))
		check("append", before)
	}
	for range 40 {
		before := s.Snapshot()
		s.Prepend(numbered("head", 3000))
		check("prepend", before)
	}
	if evictions == 0 {
		t.Fatal("nothing was evicted: the test does not test")
	}
}
