//go:build linux

package source

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"connlog/model"
	"connlog/source/journalfile"
)

// journalOverwriteEntries writes a file of n entries ("a 0000", …) and
// overwrites the type byte of entries from..to-1, as garbage written over
// a file does. It returns the directory.
func journalOverwriteEntries(t *testing.T, n, from, to int) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.journal")
	journalWrite(t, path, journalSyntheticEntries("a", journalBootA, "1111", 1_770_000_000_000_000, 1_000_000, n))
	f, err := journalfile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var offsets []int64
	for i := from; i < to; i++ {
		offsets = append(offsets, int64(f.EntryOffset(i)))
	}
	f.Close()
	fh, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	for _, off := range offsets {
		if _, err := fh.WriteAt([]byte{0xab}, off); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestJournalOverwrittenEntriesOneCountedGap reads a file three of whose
// entries were overwritten: every other entry comes out, as journalctl
// shows them, with one gap in their place that counts them and is dated
// with the entry before them; the file is not dropped.
func TestJournalOverwrittenEntriesOneCountedGap(t *testing.T) {
	for _, n := range []int{60, nativeStreamAfter + 2000} {
		for _, lean := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d entries, message-only=%v", n, lean), func(t *testing.T) {
				k := n / 2
				dir := journalOverwriteEntries(t, n, k, k+3)
				recs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir, MessageOnly: lean})
				if err != nil {
					t.Fatal(err)
				}
				if got := len(journalLines(recs)); got != n-3 {
					t.Fatalf("%d lines, want %d", got, n-3)
				}
				var gaps []int
				for i, r := range recs {
					if r.Mark == model.MarkGap {
						gaps = append(gaps, i)
					}
				}
				if len(gaps) != 1 || gaps[0] == 0 {
					t.Fatalf("gaps at %v, want one after the entries before the bad ones:\n%s", gaps, journalDescribe(recs[max(len(recs)-4, 0):]))
				}
				before, gap, after := recs[gaps[0]-1], recs[gaps[0]], recs[gaps[0]+1]
				if gap.Note != JournalNoteUnreadable || gap.Count != 3 {
					t.Fatalf("the gap says %q, %d entries; want %q, 3", gap.Note, gap.Count, JournalNoteUnreadable)
				}
				if string(before.Raw) != fmt.Sprintf("a %04d", k-1) || string(after.Raw) != fmt.Sprintf("a %04d", k+3) {
					t.Fatalf("the gap stands between %q and %q", before.Raw, after.Raw)
				}
				if !gap.Received.Equal(before.Received) {
					t.Fatalf("the gap is dated %v, want %v (the entry before it)", gap.Received, before.Received)
				}
			})
		}
	}
}
