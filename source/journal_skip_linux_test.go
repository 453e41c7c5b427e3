//go:build linux

package source

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

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
	journalOverwriteEntriesOf(t, path, from, to)
	return dir
}

// journalOverwriteEntriesOf overwrites the type byte of entries from..to-1
// of the file at path.
func journalOverwriteEntriesOf(t *testing.T, path string, from, to int) {
	t.Helper()
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
// entries were overwritten, and the MESSAGE of the entry after them: every
// other entry comes out, as journalctl shows them, with one gap in place of
// the three that counts them and is dated with the entry before them; the
// file is not dropped. The entry whose message is gone is not lost: it
// comes out, as journalctl shows it, with its time and fields, an empty
// line noted as unreadable.
func TestJournalOverwrittenEntriesOneCountedGap(t *testing.T) {
	for _, n := range []int{60, nativeStreamAfter + 2000} {
		for _, lean := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d entries, message-only=%v", n, lean), func(t *testing.T) {
				k := n / 2
				dir := journalOverwriteEntries(t, n, k, k+3)
				journalOverwriteMessage(t, filepath.Join(dir, "a.journal"), k+3)
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
				if len(gaps) != 1 || gaps[0] == 0 || gaps[0]+2 >= len(recs) {
					t.Fatalf("gaps at %v, want one after the entries before the bad ones:\n%s", gaps, journalDescribe(recs[max(len(recs)-4, 0):]))
				}
				before, gap, unreadable, after := recs[gaps[0]-1], recs[gaps[0]], recs[gaps[0]+1], recs[gaps[0]+2]
				if gap.Note != JournalNoteUnreadable || gap.Count != 3 {
					t.Fatalf("the gap says %q, %d entries; want %q, 3", gap.Note, gap.Count, JournalNoteUnreadable)
				}
				if string(before.Raw) != fmt.Sprintf("a %04d", k-1) || string(after.Raw) != fmt.Sprintf("a %04d", k+4) {
					t.Fatalf("the gap stands between %q and %q", before.Raw, after.Raw)
				}
				if !gap.Received.Equal(before.Received) {
					t.Fatalf("the gap is dated %v, want %v (the entry before it)", gap.Received, before.Received)
				}
				wantUnreadable(t, unreadable, before, before.Received.Add(4*time.Millisecond), lean)
			})
		}
	}
}

// wantUnreadable requires r to be the line of an entry stamped at, of the
// identifier of before, noted as unreadable, empty.
func wantUnreadable(t *testing.T, r, before model.Record, at time.Time, lean bool) {
	t.Helper()
	if r.Mark != model.MarkLine || r.Note != model.NoteMessageUnreadable || len(r.Raw) != 0 || r.Raw == nil {
		t.Fatalf("the entry whose message is gone came out as %s", journalDescribe([]model.Record{r}))
	}
	if !r.Received.Equal(at) {
		t.Fatalf("it is dated %v, want %v (its own time)", r.Received, at)
	}
	if r.Journal == nil || r.Journal.Identifier != before.Journal.Identifier || (!lean && r.Journal.Cursor == "") {
		t.Fatalf("it lost its fields: %+v", r.Journal)
	}
}

// TestJournalBootsCountTheLossAsAReadDoes reads a file of three boots whose
// second begins with five overwritten entries, the entry after them with
// its message gone: --list-boots and a read report the same five entries
// skipped (journalctl's count), and the second boot begins with the entry
// whose message is gone, as journalctl --list-boots says: it was read.
func TestJournalBootsCountTheLossAsAReadDoes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.journal")
	const startB = 1_770_000_100_000_000
	entries := append(journalSyntheticEntries("a", journalBootA, "1111", 1_770_000_000_000_000, 1_000_000, 20),
		journalSyntheticEntries("b", journalBootB, "2222", startB, 1_000_000, 20)...)
	journalWrite(t, path, append(entries, journalSyntheticEntries("c", "5c8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c", "3333", startB+100_000_000, 1_000_000, 20)...))
	journalOverwriteEntriesOf(t, path, 20, 25)
	journalOverwriteMessage(t, path, 25)
	firstB := time.UnixMicro(startB + 5*1000)
	out, err := exec.Command("journalctl", "--file="+path, "--list-boots", "-o", "json", "--no-pager").Output()
	if err != nil || !bytes.Contains(out, fmt.Appendf(nil, `"first_entry":%d`, firstB.UnixMicro())) {
		t.Fatalf("journalctl --list-boots: %s (%v)\nwant boot b to begin at %d", out, err, firstB.UnixMicro())
	}
	boots, skipped, err := JournalBoots(JournalOptions{Files: []string{path}})
	if err != nil || len(boots) != 3 || !boots[1].First.Equal(firstB) {
		t.Fatalf("boots %+v (%v), want the second to begin at %v", boots, err, firstB)
	}
	var skip *journalfile.SkipError
	if len(skipped) != 1 || !errors.As(skipped[0], &skip) || skip.Entries != 5 {
		t.Fatalf("--list-boots skipped %v, want 5 entries", skipped)
	}
	recs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Files: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	var gaps int64
	for _, r := range recs {
		if r.Mark == model.MarkGap {
			gaps += r.Count
		}
	}
	if lines := journalLines(recs); gaps != 5 || len(lines) != 55 {
		t.Fatalf("a read counted %d entries lost and read %d lines, want 5 and 55:\n%s", gaps, len(lines), journalDescribe(recs))
	}
}
