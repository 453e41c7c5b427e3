//go:build linux

package source

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// journalSetUnknownFlag marks a journal file as using an incompatible
// feature this reader does not know (bit 7, unused by systemd today), as a
// newer systemd's file would.
func journalSetUnknownFlag(tb testing.TB, path string) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	binary.LittleEndian.PutUint32(b[12:], binary.LittleEndian.Uint32(b[12:])|1<<7)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
}

// TestJournalUnsupportedFileSaysWhatItIs: a file of a newer systemd in a
// -D directory is a gap that names the feature and what reads it, not a
// "truncated or corrupted" one; the other files are read on. Alone
// (--file), it is an error saying the same.
func TestJournalUnsupportedFileSaysWhatItIs(t *testing.T) {
	dir := t.TempDir()
	good, newer := filepath.Join(dir, "good.journal"), filepath.Join(dir, "newer.journal")
	journalWrite(t, good, journalSyntheticEntries("good", journalBootA, "1111", 1_770_000_000_000_000, 1_000_000, 3))
	journalWrite(t, newer, journalSyntheticEntries("newer", journalBootA, "1111", 1_770_000_100_000_000, 2_000_000, 3))
	journalSetUnknownFlag(t, newer)

	recs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := "journal file uses a feature this connlog cannot read (newer.journal, incompatible flag 0x80): " +
		"read it with journalctl, or a newer connlog"
	var gaps []string
	for _, r := range recs {
		if r.Mark == model.MarkGap {
			gaps = append(gaps, r.Note)
		}
	}
	if len(gaps) != 1 || gaps[0] != want {
		t.Errorf("gaps %q, want one: %q", gaps, want)
	}
	if !journalHasLine(recs, "good 0002") {
		t.Errorf("the readable file was not read: %s", journalDescribe(recs))
	}

	_, err = journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Files: []string{newer}})
	if err == nil || !strings.Contains(err.Error(), "uses a feature this connlog cannot read (incompatible flag 0x80): read it with journalctl") {
		t.Errorf("reading the file alone: %v", err)
	}
}
