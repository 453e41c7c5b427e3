//go:build linux

package source

import (
	"bytes"
	"testing"

	"connlog/model"
)

// A message-only read yields exactly the lines of a full read, in order:
// only the per-entry fields, cursors and boundaries are left out.
func TestJournalMessageOnlyReadsTheSameLines(t *testing.T) {
	dir, _, _ := journalBuildFixture(t, "connector.export")
	for _, lines := range []int{-1, 3} {
		full, err := journalRead(t, JournalOptions{Directory: dir, Units: []string{"twingate-connector"}, Lines: lines})
		if err != nil {
			t.Fatal(err)
		}
		lean, err := journalRead(t, JournalOptions{Directory: dir, Units: []string{"twingate-connector"}, Lines: lines, MessageOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		fullLines, leanLines := journalLineRecords(full), journalLineRecords(lean)
		if len(fullLines) == 0 || len(fullLines) != len(leanLines) {
			t.Fatalf("-n %d: full read %d lines, message-only %d", lines, len(fullLines), len(leanLines))
		}
		for i := range fullLines {
			if !bytes.Equal(fullLines[i].Raw, leanLines[i].Raw) || !fullLines[i].Received.Equal(leanLines[i].Received) {
				t.Fatalf("-n %d, line %d: %q at %v vs %q at %v", lines, i, fullLines[i].Raw, fullLines[i].Received, leanLines[i].Raw, leanLines[i].Received)
			}
			if leanLines[i].Journal.Cursor != "" || leanLines[i].Journal.BootID != "" {
				t.Fatalf("-n %d, line %d: message-only read fetched more fields: %+v", lines, i, leanLines[i].Journal)
			}
		}
		for _, r := range lean {
			if r.Mark == model.MarkBoundary {
				t.Errorf("-n %d: message-only read produced a boundary", lines)
			}
		}
	}
}

func journalLineRecords(recs []model.Record) []model.Record {
	var out []model.Record
	for _, r := range recs {
		if r.Mark == model.MarkLine {
			out = append(out, r)
		}
	}
	return out
}
