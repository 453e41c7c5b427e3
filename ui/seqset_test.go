package ui

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// members lists s's Seqs in order, walking it forward with next.
func members(s seqSet) []int64 {
	var out []int64
	for seq, ok := s.firstFrom(-1 << 62); ok; seq, ok = s.next(seq, true) {
		out = append(out, seq)
	}
	return out
}

// setOf builds a set from seqs, in the order given.
func setOf(seqs []int64) seqSet {
	var s seqSet
	for _, seq := range seqs {
		s.add(seq)
	}
	return s
}

// checkSet fails unless s holds exactly want (sorted, distinct): its
// members, its count, and next in both directions from every Seq around
// each member and around the pages' edges.
func checkSet(t *testing.T, what string, s seqSet, want []int64) {
	t.Helper()
	if got := members(s); !slices.Equal(got, want) {
		t.Fatalf("%s: members %v, want %v", what, got, want)
	}
	if s.len() != len(want) {
		t.Fatalf("%s: len %d, want %d", what, s.len(), len(want))
	}
	probes := []int64{-1 << 40, 1 << 40, 0, -1, 1, seqPageSeqs, -seqPageSeqs, seqPageSeqs - 1, 63, 64}
	stride := max(1, len(want)/200) // around 200 members, the first and the last among them
	for i := 0; i < len(want); i += stride {
		seq := want[i]
		probes = append(probes, seq-1, seq, seq+1, seq-64, seq+64)
	}
	if len(want) > 0 {
		last := want[len(want)-1]
		probes = append(probes, last-1, last, last+1)
	}
	for _, p := range probes {
		i := sort64(want, p)
		wantFwd, okFwd := int64(0), false
		if j := i; j < len(want) && want[j] == p {
			i = j + 1
		}
		if i < len(want) {
			wantFwd, okFwd = want[i], true
		}
		if got, ok := s.next(p, true); got != wantFwd || ok != okFwd {
			t.Fatalf("%s: next(%d, forward) = %d, %v; want %d, %v", what, p, got, ok, wantFwd, okFwd)
		}
		k := sort64(want, p) - 1
		wantBack, okBack := int64(0), false
		if k >= 0 {
			wantBack, okBack = want[k], true
		}
		if got, ok := s.next(p, false); got != wantBack || ok != okBack {
			t.Fatalf("%s: next(%d, backward) = %d, %v; want %d, %v", what, p, got, ok, wantBack, okBack)
		}
	}
}

// sort64 returns the index of the first Seq of sorted not below seq.
func sort64(sorted []int64, seq int64) int {
	i, _ := slices.BinarySearch(sorted, seq)
	return i
}

// TestSeqSetAgreesWithASortedList builds sets the way the level index
// does (scans in parts, entries added at either end, evictions), with
// Seqs either side of zero and on the pages' edges, and compares each with
// a sorted list of the same Seqs.
func TestSeqSetAgreesWithASortedList(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var s seqSet
		var want []int64
		lo := int64(rng.IntN(3*seqPageSeqs)) - seqPageSeqs
		hi := lo
		for step := range 12 {
			// a batch of Seqs added at one end, the density varying from
			// a few to every one
			n, every := rng.IntN(3*seqPageSeqs), 1+rng.IntN(4)
			if rng.IntN(5) == 0 {
				every = 1 + rng.IntN(2000)
			}
			var batch []int64
			if rng.IntN(2) == 0 {
				for i := int64(0); i < int64(n); i += int64(every) {
					batch = append(batch, hi+i)
				}
				hi += int64(n)
			} else {
				for i := int64(n) - 1; i >= 0; i -= int64(every) {
					batch = append(batch, lo-int64(n)+i)
				}
				lo -= int64(n)
			}
			slices.Sort(batch)
			s = s.union(setOf(batch))
			want = append(want, batch...)
			slices.Sort(want)
			if rng.IntN(6) == 0 { // the store evicted its oldest
				first := lo + int64(rng.IntN(int(hi-lo+1)))
				if got, held := s.lenFrom(first), len(want)-sort64(want, first); got != held {
					t.Fatalf("lenFrom(%d) = %d; %d Seqs from there", first, got, held)
				}
				s = s.dropBelow(first)
				want = want[sort64(want, first):]
				lo = first
			}
			if step%4 == 3 || round < 5 {
				checkSet(t, "round", s, want)
			}
		}
		checkSet(t, "round end", s, want)
	}
}

// TestSeqSetChangesNoSetItWasMadeFrom: a union or a drop returns a new set
// and leaves the ones it was made from as they were, since a set handed to
// the interface may still be read through an older copy of the model.
func TestSeqSetChangesNoSetItWasMadeFrom(t *testing.T) {
	a := setOf([]int64{1, 5, seqPageSeqs - 1, seqPageSeqs + 3})
	b := setOf([]int64{2, 5, seqPageSeqs + 4, 3 * seqPageSeqs})
	aWant, bWant := members(a), members(b)
	u := a.union(b)
	checkSet(t, "union", u, []int64{1, 2, 5, seqPageSeqs - 1, seqPageSeqs + 3, seqPageSeqs + 4, 3 * seqPageSeqs})
	d := u.dropBelow(seqPageSeqs + 4)
	checkSet(t, "dropped", d, []int64{seqPageSeqs + 4, 3 * seqPageSeqs})
	checkSet(t, "a after", a, aWant)
	checkSet(t, "b after", b, bWant)
	checkSet(t, "union after", u, []int64{1, 2, 5, seqPageSeqs - 1, seqPageSeqs + 3, seqPageSeqs + 4, 3 * seqPageSeqs})
	checkSet(t, "nothing dropped", u.dropBelow(-5), members(u))
	checkSet(t, "all dropped", u.dropBelow(1<<30), nil)
}

// TestSeqSetOfEveryEntryIsSmall: a view that is all warnings costs a bit
// per entry, in pages, where a list took 8 bytes an entry.
func TestSeqSetOfEveryEntryIsSmall(t *testing.T) {
	var s seqSet
	const n = 1 << 20
	for seq := int64(-n / 2); seq < n/2; seq++ {
		s.add(seq)
	}
	if s.len() != n {
		t.Fatalf("len %d, want %d", s.len(), n)
	}
	if pages := len(s.pages); pages > n/seqPageSeqs+1 {
		t.Fatalf("%d pages of %d bytes for %d Seqs", pages, seqPageSeqs/8, n)
	}
}
