//go:build linux

package source

import (
	"path/filepath"
	"testing"
)

// TestJournalReadAheadSameLines reads a journal long enough for the native
// reader to read ahead in parallel (a one-shot, message-only read) and
// requires the lines of an ordinary read, across two interleaved files.
func TestJournalReadAheadSameLines(t *testing.T) {
	dir := t.TempDir()
	n := 2*nativeStreamAfter + 333
	a := journalSyntheticEntries("a", journalBootA, "1111", 1_770_000_000_000_000, 1_000_000, n)
	b := journalSyntheticEntries("b", journalBootA, "1111", 1_770_000_000_000_500, 1_000_500, n)
	journalWrite(t, filepath.Join(dir, "a.journal"), a)
	journalWrite(t, filepath.Join(dir, "b.journal"), b)
	opts := JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: dir}
	full, err := journalRead(t, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.MessageOnly = true
	lean, err := journalRead(t, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := journalLines(full)
	if len(want) != 2*n {
		t.Fatalf("the ordinary read gave %d lines, want %d", len(want), 2*n)
	}
	if diff := journalEqualLines(journalLines(lean), want); diff != "" {
		t.Fatal(diff)
	}
}
