//go:build linux

package source

import (
	"bytes"
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

// journalOverwriteMessage overwrites the type byte of the MESSAGE data
// object of entry i of the file at path: the entry is found, its message
// cannot be read.
func journalOverwriteMessage(t *testing.T, path string, i int) {
	t.Helper()
	f, err := journalfile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, items, err := f.Entry(f.EntryOffset(i), nil)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The payload follows the DATA object's header and fields, 64 bytes in
	// a regular file, 72 in a compact one.
	for _, off := range items {
		if head := b[off : off+80]; bytes.Contains(head[64:], []byte("MESSAGE=")) {
			b[off] = 0xab
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("entry %d has no MESSAGE", i)
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
				// The entry after them is found, but its message is gone:
				// it is counted in the same gap.
				journalOverwriteMessage(t, filepath.Join(dir, "a.journal"), k+3)
				recs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir, MessageOnly: lean})
				if err != nil {
					t.Fatal(err)
				}
				if got := len(journalLines(recs)); got != n-4 {
					t.Fatalf("%d lines, want %d", got, n-4)
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
				if gap.Note != JournalNoteUnreadable || gap.Count != 4 {
					t.Fatalf("the gap says %q, %d entries; want %q, 4", gap.Note, gap.Count, JournalNoteUnreadable)
				}
				if string(before.Raw) != fmt.Sprintf("a %04d", k-1) || string(after.Raw) != fmt.Sprintf("a %04d", k+4) {
					t.Fatalf("the gap stands between %q and %q", before.Raw, after.Raw)
				}
				if !gap.Received.Equal(before.Received) {
					t.Fatalf("the gap is dated %v, want %v (the entry before it)", gap.Received, before.Received)
				}
			})
		}
	}
}
