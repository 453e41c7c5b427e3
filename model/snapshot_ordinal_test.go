package model

import "testing"

// A file opened tail first gets its head prepended with negative Seqs;
// the number an export writes must still be the entry's place in the
// file, as a headless export of the file numbers it.
func TestOrdinalCountsFromTheOldestEntryRead(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.Append(numbered("tail", 3)) // Seqs 1..3
	sn := s.Snapshot()
	if got := sn.Ordinal(1); got != 1 {
		t.Fatalf("before any head: Ordinal(1) = %d, want 1", got)
	}
	s.Prepend(numbered("head", 4))  // Seqs -4..-1
	s.Prepend(numbered("older", 2)) // Seqs -6..-5
	sn = s.Snapshot()
	cases := []struct {
		name string
		seq  int64
		want int64
	}{
		{"the file's first entry", -6, 1},
		{"the last of the first block", -1, 6},
		{"the tail's first entry", 1, 7},
		{"the tail's last entry", 3, 9},
	}
	for _, c := range cases {
		if got := sn.Ordinal(c.seq); got != c.want {
			t.Errorf("%s: Ordinal(%d) = %d, want %d", c.name, c.seq, got, c.want)
		}
	}
}

// Entries evicted from the front keep their numbers to those after them:
// the numbers count from the oldest entry ever held, not the oldest held.
func TestOrdinalSurvivesEviction(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 4 * rowChunkBytes})
	s.Append(numbered("tail", 10))
	s.Prepend(numbered("head", 50))
	want := s.Snapshot().Ordinal(1)
	for range 40 {
		s.Append(numbered("more", 3000))
	}
	sn := s.Snapshot()
	if sn.Has(1) {
		t.Fatal("the budget kept the tail's first entry: the test needs it evicted")
	}
	if got := sn.Ordinal(1); got != want || want != 51 {
		t.Errorf("Ordinal(1) after eviction = %d, before %d; want 51", got, want)
	}
}
