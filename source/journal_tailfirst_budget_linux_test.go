//go:build linux

package source

import (
	"fmt"
	"path/filepath"
	"testing"

	"connlog/model"
)

// A tail-first backfill into a sink that fills up (JournalOptions.
// BackfillFull) stops reading older chunks once the sink says it is full,
// and says so with one gap of the memory budget's reason in front, counting
// the lines asked for that it did not read: the lines read and the lines
// counted are all the lines asked for, and those read are the newest.
func TestJournalTailFirstStopsOnceTheSinkIsFull(t *testing.T) {
	dir := t.TempDir()
	const n = journalTailChunk
	const total = 4 * n
	journalWrite(t, filepath.Join(dir, "connector.journal"),
		journalSyntheticEntries("a1", journalBootA, "11111111111111111111111111111111", 1_770_000_000_000_000, 1_000_000, total))
	whole, err := journalRead(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: total, Directory: dir})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name        string
		lines       int
		fullAfter   int // the sink says it is full from this question on (the first is asked before the first older chunk)
		read, count int
	}{
		{"full once the newest chunk is sent", total, 1, n, 3 * n},
		{"full after one older chunk", total, 2, 2 * n, 2 * n},
		{"fewer lines asked for than the journal holds", 3 * n, 1, n, 2 * n},
		{"more lines asked for than the journal holds", total + 100, 1, n, 3 * n},
		{"never full", total, total, total, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			asked := 0
			opts := JournalOptions{Units: []string{"twingate-connector"}, Lines: tc.lines, Directory: dir,
				BackfillFull: func() bool { asked++; return asked >= tc.fullAfter }}
			got, _ := journalReadTailFirst(t, opts)
			var lines []model.Record
			var gaps []model.Record
			for _, r := range got {
				if r.Mark == model.MarkGap {
					gaps = append(gaps, r)
				} else {
					r.Backfill = false
					lines = append(lines, r)
				}
			}
			if len(lines) != tc.read {
				t.Fatalf("%d lines read, want %d", len(lines), tc.read)
			}
			journalSameRecords(t, lines, whole[len(whole)-tc.read:])
			if tc.count == 0 {
				if len(gaps) != 0 {
					t.Fatalf("gaps %+v, want none", gaps)
				}
				return
			}
			if len(gaps) != 1 || got[0].Mark != model.MarkGap {
				t.Fatalf("%d gaps, the first record a gap %v: want one, in front", len(gaps), got[0].Mark == model.MarkGap)
			}
			g := gaps[0]
			if g.Note != model.GapEvictionReason || g.Count != int64(tc.count) || !g.Backfill {
				t.Errorf("the gap says %q, %d lines, backfill %v; want %q, %d lines, backfill", g.Note, g.Count, g.Backfill, model.GapEvictionReason, tc.count)
			}
			if !g.Received.Equal(lines[0].Received) {
				t.Errorf("the gap is dated %v, the oldest line read %v", g.Received, lines[0].Received)
			}
		})
	}
}

// TestJournalFollowsAfterABackfillStoppedFull: a backfill stopped by a
// full sink still follows from the newest entry: the entries written after
// come once, after the newest chunk, and nothing older comes again.
func TestJournalFollowsAfterABackfillStoppedFull(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "connector.journal")
	const n = journalTailChunk
	old := journalSyntheticEntries("a1", journalBootA, "11111111111111111111111111111111", 1_770_000_000_000_000, 1_000_000, 3*n)
	journalWrite(t, file, old)
	f := journalStartWith(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: 3 * n, Directory: dir, TailFirst: true,
		BackfillFull: func() bool { return true }}, nil)
	realtime, monotonic := journalLastClocks(t, old)
	journalWrite(t, file, journalSyntheticEntries("b1", journalBootA, "11111111111111111111111111111111", realtime, monotonic, 2))
	f.collectUntil("b1 0001")
	var want []string
	for i := 2 * n; i < 3*n; i++ {
		want = append(want, fmt.Sprintf("a1 %04d", i))
	}
	want = append(want, "b1 0000", "b1 0001")
	if diff := journalEqualLines(journalLines(f.got), want); diff != "" {
		t.Fatal(diff)
	}
}
