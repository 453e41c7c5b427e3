//go:build linux

package source

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"connlog/model"
)

// journalReadTailFirst reads a journal tail first, to its end, putting each
// Backfill batch before what came so far, as the pipeline does; it also
// returns how many batches came before the newest line arrived.
func journalReadTailFirst(t *testing.T, opts JournalOptions) (recs []model.Record, batchesBeforeNewest int) {
	t.Helper()
	opts.Follow, opts.TailFirst = false, true
	out, done := journalRun(t, opts, 0)
	batches := 0
	for {
		select {
		case b := <-out:
			batches++
			if recs = addTailFirst(recs, b); !b[0].Backfill {
				batchesBeforeNewest = batches
			}
		case err := <-done:
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			return recs, batchesBeforeNewest
		}
	}
}

// journalRun runs a source in the background, bounded by the tests'
// deadline, and returns its batches (a channel of buffer) and Run's result.
func journalRun(t *testing.T, opts JournalOptions, buffer int) (<-chan []model.Record, <-chan error) {
	t.Helper()
	j := NewJournal(3, opts)
	out := make(chan []model.Record, buffer)
	done := make(chan error, 1)
	ctx, cancel := context.WithTimeout(context.Background(), journalTestDeadline)
	t.Cleanup(cancel)
	go func() { done <- j.Run(ctx, out) }()
	return out, done
}

// addTailFirst puts batch b where the pipeline puts it: a Backfill batch
// before what came so far, any other after.
func addTailFirst(recs, b []model.Record) []model.Record {
	if b[0].Backfill {
		return append(append([]model.Record(nil), b...), recs...)
	}
	return append(recs, b...)
}

// TestJournalTailFirstSameRecords reads runs of exactly one chunk each (so
// that a restart and a reboot fall on the edges between chunks) tail first,
// and requires the same records, boundaries included, as an ordinary
// backfill, with the newest lines in the first batch.
func TestJournalTailFirstSameRecords(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "connector.journal")
	const n = journalTailChunk
	var entries []journalExportEntry
	entries = append(entries, journalSyntheticEntries("a1", journalBootA, "11111111111111111111111111111111", 1_770_000_000_000_000, 1_000_000, n)...)
	entries = append(entries, journalSyntheticEntries("a2", journalBootA, "22222222222222222222222222222222", 1_770_000_010_000_000, 11_000_000, n)...)
	entries = append(entries, journalSyntheticEntries("b1", journalBootB, "33333333333333333333333333333333", 1_770_000_020_000_000, 1_000_000, n)...)
	journalWrite(t, file, entries)
	for _, lines := range []int{3*n + 100, 3 * n, 2*n + 7, n, 10} {
		opts := JournalOptions{Units: []string{"twingate-connector"}, Lines: lines, Directory: dir}
		want, err := journalRead(t, opts)
		if err != nil {
			t.Fatal(err)
		}
		got, before := journalReadTailFirst(t, opts)
		for i := range got {
			got[i].Backfill = false // the flag itself is what differs
		}
		journalSameRecords(t, got, want)
		if before != 1 {
			t.Errorf("-n %d: the newest lines came in batch %d, not the first", lines, before)
		}
	}
}

// TestJournalTailFirstWaitsForTheFirstScreen: with HoldBackfill, the
// newest chunk comes at once and the older ones only once the first screen
// is drawn; the records are the same as ever.
func TestJournalTailFirstWaitsForTheFirstScreen(t *testing.T) {
	dir := t.TempDir()
	const n = journalTailChunk
	journalWrite(t, filepath.Join(dir, "connector.journal"),
		journalSyntheticEntries("a1", journalBootA, "11111111111111111111111111111111", 1_770_000_000_000_000, 1_000_000, 3*n))
	opts := JournalOptions{Units: []string{"twingate-connector"}, Lines: 3 * n, Directory: dir}
	want, err := journalRead(t, opts)
	if err != nil {
		t.Fatal(err)
	}
	hold := make(chan struct{})
	opts.TailFirst, opts.HoldBackfill = true, hold
	out, done := journalRun(t, opts, 16)
	var got []model.Record
	select {
	case b := <-out:
		if b[0].Backfill {
			t.Fatal("the first batch is a backfill batch, not the newest chunk")
		}
		got = b
	case <-time.After(journalTestDeadline):
		t.Fatal("the newest chunk never came")
	}
	select {
	case b := <-out:
		t.Fatalf("a batch (backfill %v) came before the first screen", b[0].Backfill)
	case <-time.After(100 * time.Millisecond):
	}
	close(hold)
	for running := true; running; {
		select {
		case b := <-out:
			got = addTailFirst(got, b)
		case err := <-done:
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			running = false
		}
	}
	for len(out) > 0 {
		got = addTailFirst(got, <-out)
	}
	for i := range got {
		got[i].Backfill = false
	}
	journalSameRecords(t, got, want)
}
