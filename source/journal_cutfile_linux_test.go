//go:build linux

package source

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"connlog/model"
	"connlog/source/journalfile"
)

// journalCutPair writes two files of n entries whose times alternate
// ("a 0000" at t0, "b 0000" half a millisecond later, …) and cuts a.journal
// in the middle of its entry k. It returns the directory and t0.
func journalCutPair(t *testing.T, n, k int) (string, uint64) {
	t.Helper()
	dir := t.TempDir()
	const t0 = 1_770_000_000_000_000
	a := filepath.Join(dir, "a.journal")
	journalWrite(t, a, journalSyntheticEntries("a", journalBootA, "1111", t0, 1_000_000, n))
	journalWrite(t, filepath.Join(dir, "b.journal"), journalSyntheticEntries("b", journalBootA, "1111", t0+500, 1_000_500, n))
	journalCutInEntry(t, a, k)
	return dir, t0
}

// journalCutInEntry cuts the journal file at path in the middle of its
// entry k, as a crash leaves one.
func journalCutInEntry(t *testing.T, path string, k int) {
	t.Helper()
	f, err := journalfile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := int64(f.EntryOffset(k)) + 24
	f.Close()
	if err := os.Truncate(path, cut); err != nil {
		t.Fatal(err)
	}
}

// journalLossGaps returns the indexes in recs of the gaps of lost files.
func journalLossGaps(recs []model.Record) []int {
	var out []int
	for i, r := range recs {
		if r.Mark == model.MarkGap && r.Note == JournalNoteFileLost {
			out = append(out, i)
		}
	}
	return out
}

// TestJournalCutFileOneGapInPlace reads a directory holding a cut file:
// its intact entries and all of the other file's come out, with one gap,
// right after the cut file's last intact entry and dated with it (not with
// the clock), read entry by entry or ahead (past nativeStreamAfter).
func TestJournalCutFileOneGapInPlace(t *testing.T) {
	for _, n := range []int{60, nativeStreamAfter + 2000} {
		for _, lean := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d entries, message-only=%v", n, lean), func(t *testing.T) {
				k := n - 30
				dir, _ := journalCutPair(t, n, k)
				recs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir, MessageOnly: lean})
				if err != nil {
					t.Fatal(err)
				}
				gaps := journalLossGaps(recs)
				if len(gaps) != 1 || gaps[0] == 0 {
					t.Fatalf("gaps of the lost file at %v, want one after its lines:\n%s", gaps, journalDescribe(recs[:min(len(recs), 3)]))
				}
				before, gap := recs[gaps[0]-1], recs[gaps[0]]
				if want := fmt.Sprintf("a %04d", k-1); string(before.Raw) != want {
					t.Fatalf("the gap comes after %q, want after %q", before.Raw, want)
				}
				if !gap.Received.Equal(before.Received) {
					t.Fatalf("the gap is dated %v, want %v (the entry before it)", gap.Received, before.Received)
				}
				if gap.Count != int64(n-k) { // the header counts the entries the cut took
					t.Fatalf("the gap counts %d entries, want %d", gap.Count, n-k)
				}
				if got := len(journalLines(recs)); got != n+k {
					t.Fatalf("%d lines, want %d", got, n+k)
				}
			})
		}
	}
}

// TestJournalCutFileInWindow reads a window that begins after the cut
// file's last intact entry: the other file's entries in it come out, after
// one gap dated at the window's start (the loss reaches into it).
func TestJournalCutFileInWindow(t *testing.T) {
	dir, t0 := journalCutPair(t, 60, 20)
	since := time.UnixMicro(int64(t0 + 40*1000))
	recs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir, Since: since})
	if err != nil {
		t.Fatal(err)
	}
	if gaps := journalLossGaps(recs); len(gaps) != 1 || gaps[0] != 0 {
		t.Fatalf("gaps of the lost file at %v, want one first:\n%s", gaps, journalDescribe(recs[:min(len(recs), 3)]))
	}
	if !recs[0].Received.Equal(since) {
		t.Fatalf("the gap is dated %v, want the window's start %v", recs[0].Received, since)
	}
	if lines := journalLines(recs); len(lines) != 20 || lines[0] != "b 0040" {
		t.Fatalf("lines %q, want b 0040 … b 0059", lines)
	}
}
