package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// chunkValues reads every Seq of l.
func chunkValues(l *seqChunks) []int64 {
	out := make([]int64, l.len())
	for i := range out {
		out[i] = l.at(i)
	}
	return out
}

// TestSeqChunksAgreeWithASlice pushes, drops and keeps Seqs across chunk
// edges and compares the list with a slice after each step; a copy taken
// before each step must still read what it held after it. In a third of
// the rounds a Seq lies more than 2^32 past its chunk's first at some
// step, and the list goes on in whole Seqs.
func TestSeqChunksAgreeWithASlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	widened := 0
	for round := range 60 {
		var l seqChunks
		var want []int64
		next := int64(rng.IntN(1000)) - 500
		jumpAt := -1
		if round%3 == 0 {
			jumpAt = rng.IntN(40)
		}
		for step := range 40 {
			copied := l
			held := chunkValues(&copied)
			if step == jumpAt {
				next += math.MaxUint32 + int64(rng.IntN(1000))
			}
			switch op := rng.IntN(6); {
			case op < 3 || len(want) == 0 || step == jumpAt:
				n := rng.IntN(3 * seqChunkLen / 2)
				for range n {
					next += 1 + int64(rng.IntN(3))
					l.push(next)
					want = append(want, next)
				}
			case op < 5:
				k := rng.IntN(len(want) + 1)
				l.dropFirst(k)
				want = want[k:]
			default:
				k := rng.IntN(len(want) + 1)
				l.keepFirst(k)
				want = want[:k]
				// what follows a keep is pushed where the kept ones end
				for range rng.IntN(seqChunkLen) {
					next += 1 + int64(rng.IntN(3))
					l.push(next)
					want = append(want, next)
				}
			}
			if got := chunkValues(&l); !slices.Equal(got, want) {
				t.Fatalf("round %d step %d: %d values, want %d (first difference at %d)", round, step, len(got), len(want), firstDiff(got, want))
			}
			if got := chunkValues(&copied); !slices.Equal(got, held) {
				t.Fatalf("round %d step %d: a copy taken before the step reads other values after it", round, step)
			}
			if l.wide != nil && copied.wide == nil {
				widened++
			}
			if l.wide != nil && l.chunks != nil {
				t.Fatalf("round %d step %d: a list of whole Seqs keeps its chunks of distances too", round, step)
			}
			if len(want) > 0 {
				probe := want[rng.IntN(len(want))]
				if i := l.search(func(s int64) bool { return s >= probe }); l.at(i) != probe {
					t.Fatalf("round %d step %d: search found %d at %d, want %d", round, step, l.at(i), i, probe)
				}
			}
		}
	}
	if widened == 0 {
		t.Fatal("no list went on in whole Seqs: the test did not exercise them")
	}
}

func firstDiff(a, b []int64) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestSeqChunksGrowByChunks: a list of n Seqs holds at most one chunk
// more than n needs, and a drop lets the chunks before it go.
func TestSeqChunksGrowByChunks(t *testing.T) {
	var l seqChunks
	const n = 5*seqChunkLen + 17
	for i := range int64(n) {
		l.push(i)
	}
	if len(l.chunks) != n/seqChunkLen+1 {
		t.Fatalf("%d chunks for %d Seqs of %d a chunk", len(l.chunks), n, seqChunkLen)
	}
	l.dropFirst(2*seqChunkLen + 5)
	if len(l.chunks) != n/seqChunkLen-1 || l.at(0) != 2*seqChunkLen+5 {
		t.Fatalf("after the drop: %d chunks, first %d", len(l.chunks), l.at(0))
	}
}
