//go:build linux

package source

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"testing"
	"time"

	"connlog/model"
)

// journalUsedSize is where the last object of a journal file ends: the
// file itself is longer, journald preallocates.
func journalUsedSize(tb testing.TB, path string) int64 {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 16)
	if _, err := f.ReadAt(b[:8], 136); err != nil {
		tb.Fatal(err)
	}
	tail := int64(binary.LittleEndian.Uint64(b))
	if _, err := f.ReadAt(b, tail); err != nil {
		tb.Fatal(err)
	}
	return tail + int64(binary.LittleEndian.Uint64(b[8:]))
}

// TestJournalSurvivesTruncation cuts the journal file in half while the
// source reads it: the source must not crash, must end, and must say that
// entries were lost with a gap, after the lines it could read intact.
func TestJournalSurvivesTruncation(t *testing.T) {
	for _, tc := range []struct {
		cut  string
		lean bool
	}{{"half", false}, {"header", false}, {"half", true}} {
		cut := tc.cut
		t.Run(fmt.Sprintf("%s,message-only=%v", cut, tc.lean), func(t *testing.T) {
			dir := t.TempDir()
			file := dir + "/connector.journal"
			entries := journalSyntheticEntries("line", journalBootA, "1111", 1_770_000_000_000_000, 1_000_000, 6000)
			journalWrite(t, file, entries)
			size := map[string]int64{"half": journalUsedSize(t, file) / 2, "header": 100}[cut]
			j := NewJournal(3, JournalOptions{AllUnits: true, Lines: -1, Directory: dir, MessageOnly: tc.lean})
			out := make(chan []model.Record)
			done := make(chan error, 1)
			ctx, cancel := context.WithTimeout(context.Background(), journalTestDeadline)
			defer cancel()
			go func() { done <- j.Run(ctx, out) }()
			recs := append([]model.Record(nil), <-out...)
			if err := os.Truncate(file, size); err != nil {
				t.Fatal(err)
			}
			err := journalDrain(t, out, done, &recs)
			journalCheckTruncated(t, recs, err, len(entries))
		})
	}
}

// journalDrain collects batches until Run returns.
func journalDrain(t *testing.T, out chan []model.Record, done chan error, recs *[]model.Record) error {
	t.Helper()
	for {
		select {
		case b := <-out:
			*recs = append(*recs, b...)
		case err := <-done:
			return err
		case <-time.After(journalTestDeadline):
			t.Fatal("the source did not end after its file was truncated")
		}
	}
}

// journalCheckTruncated requires intact lines in order, then a gap saying a
// file was lost (or an error saying so), and fewer lines than written.
func journalCheckTruncated(t *testing.T, recs []model.Record, err error, written int) {
	t.Helper()
	lines := journalLines(recs)
	for i, l := range lines {
		if want := journalSyntheticEntries("line", journalBootA, "1111", 0, 0, i+1)[i].value("MESSAGE"); l != want {
			t.Fatalf("line %d = %q, want %q: a wrong entry was read", i, l, want)
		}
	}
	if len(lines) >= written {
		t.Fatalf("read all %d lines of a file cut short", len(lines))
	}
	if err != nil {
		t.Logf("Run ended with: %v", err)
		return
	}
	for _, r := range recs {
		if r.Mark == model.MarkGap && r.Note == JournalNoteFileLost {
			t.Logf("%d of %d lines, then a gap", len(lines), written)
			return
		}
	}
	t.Fatalf("no %q gap after %d of %d lines:\n%s", JournalNoteFileLost, len(lines), written,
		journalDescribe(recs[max(0, len(recs)-5):]))
}

// TestJournalFollowTruncatedOneGap truncates the only file while the source
// follows it: at most one "journal file dropped" gap, never a second one
// for the entry the source was anchored on, and the source follows on.
// Whether the gap comes depends on when the cut falls: between the
// reader's read of the header and its measure of the file, the header
// still counts only the entries read, and nothing is lost (see
// TestJournalFollowCutBehindTheReadingNoGap); after, the file is dropped
// unread and may have lost entries.
func TestJournalFollowTruncatedOneGap(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/connector.journal"
	journalWrite(t, file, journalSyntheticEntries("line", journalBootA, "1111", 1_770_000_000_000_000, 1_000_000, 50))
	f := journalStart(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir})
	if err := os.Truncate(file, 100); err != nil {
		t.Fatal(err)
	}
	later := journalSyntheticEntries("later", journalBootA, "1111", 1_770_000_100_000_000, 101_000_000, 3)
	journalWrite(t, dir+"/next.journal", later)
	f.collectUntil(later[2].value("MESSAGE"))
	f.stop()
	dropped := 0
	for _, r := range f.got {
		if r.Mark == model.MarkGap && r.Note == JournalNoteFileLost {
			dropped++
		}
	}
	t.Logf("%d \"journal file dropped\" gap(s)", dropped)
	if dropped > 1 || journalHasGap(f.got, JournalNoteHistoryGap) {
		t.Fatalf("more than one gap for the same loss:\n%s", journalDescribe(f.got))
	}
}

// journalHasGap reports whether a gap record with the note was received.
func journalHasGap(recs []model.Record, note string) bool {
	for _, r := range recs {
		if r.Mark == model.MarkGap && r.Note == note {
			return true
		}
	}
	return false
}

// TestJournalFollowCutBehindTheReadingNoGap cuts the only file after every
// entry it counts was read (its header still readable, counting no entry
// past them): nothing is lost, so no gap says so, nor a history gap for
// the entry the reading stood on, which vanished with the file. The
// entries of a file that comes next are read on.
func TestJournalFollowCutBehindTheReadingNoGap(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/connector.journal"
	journalWrite(t, file, journalSyntheticEntries("line", journalBootA, "1111", 1_770_000_000_000_000, 1_000_000, 50))
	f := journalStart(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir})
	f.collectUntil("line 0049")
	if err := os.Truncate(file, 4096); err != nil { // the header stays, the entries go
		t.Fatal(err)
	}
	later := journalSyntheticEntries("later", journalBootA, "1111", 1_770_000_100_000_000, 101_000_000, 3)
	journalWrite(t, dir+"/next.journal", later)
	f.collectUntil(later[2].value("MESSAGE"))
	f.stop()
	for _, r := range f.got {
		if r.Mark == model.MarkGap {
			t.Fatalf("a gap where nothing was lost:\n%s", journalDescribe(f.got))
		}
	}
}
