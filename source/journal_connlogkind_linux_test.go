//go:build linux

package source

import (
	"fmt"
	"path/filepath"
	"testing"

	"connlog/model"
)

// journalExportedMark is the record connlog's journal export writes for a
// gap or boundary (kind) standing before entry, with entry's host, unit,
// boot and run.
func journalExportedMark(entry journalExportEntry, kind, message string) journalExportEntry {
	mark := journalExportEntry{}
	for _, f := range entry {
		switch f.key {
		case "__REALTIME_TIMESTAMP", "__MONOTONIC_TIMESTAMP", "_BOOT_ID", "_HOSTNAME", "_SYSTEMD_UNIT", "_SYSTEMD_INVOCATION_ID":
			mark = append(mark, f)
		}
	}
	return append(mark, journalExportField{"MESSAGE", []byte(message)}, journalExportField{"CONNLOG_KIND", []byte(kind)})
}

// TestJournalOfAnExportKeepsItsMarks reads a journal that
// systemd-journal-remote made of connlog's journal export: a gap record
// comes back as the gap it was, a boundary record as the one boundary the
// boot change makes (not a second one), and neither as a line.
func TestJournalOfAnExportKeepsItsMarks(t *testing.T) {
	a := journalSyntheticEntries("a", journalBootA, "1111", 1_770_000_000_000_000, 1_000_000, 3)
	b := journalSyntheticEntries("b", journalBootB, "2222", 1_770_000_100_000_000, 1_000_000, 3)
	const gapSaid = "journal file dropped (truncated or corrupted): up to 7 messages may be missing"
	var entries []journalExportEntry
	entries = append(entries, a[:2]...)
	entries = append(entries, journalExportedMark(a[2], "gap", gapSaid), a[2])
	entries = append(entries, journalExportedMark(b[0], "boundary", "host rebooted"))
	entries = append(entries, b...)
	dir := t.TempDir()
	journalWrite(t, filepath.Join(dir, "x.journal"), entries)
	for _, lean := range []bool{false, true} {
		t.Run(fmt.Sprintf("message-only=%v", lean), func(t *testing.T) {
			recs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir, MessageOnly: lean})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(journalLines(recs)); got != 6 {
				t.Fatalf("%d lines, want the 6 entries:\n%s", got, journalDescribe(recs))
			}
			var gaps, bounds int
			for _, r := range recs {
				switch r.Mark {
				case model.MarkGap:
					gaps++
					if got := model.GapMessage(r.Note, r.Count); got != gapSaid || r.Count != 7 {
						t.Errorf("the gap says %q, %d; want %q", got, r.Count, gapSaid)
					}
				case model.MarkBoundary:
					bounds++
				}
			}
			wantBounds := 1
			if lean { // a read of messages alone finds no boundaries
				wantBounds = 0
			}
			if gaps != 1 || bounds != wantBounds {
				t.Fatalf("%d gaps and %d boundaries, want 1 and %d:\n%s", gaps, bounds, wantBounds, journalDescribe(recs))
			}
		})
	}
}
