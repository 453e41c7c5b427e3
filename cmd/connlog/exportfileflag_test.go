package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestJournalExportFileGivenAsAJournal: --file names a journal file; a
// journal export file (text fields, __CURSOR=…) given to it is not called
// corrupted: the message says what it is and how connlog reads it.
func TestJournalExportFileGivenAsAJournal(t *testing.T) {
	export := filepath.Join("..", "..", "testdata", "journal", "connector.export")
	for _, args := range [][]string{{"--list-boots", "--file", export}, {"export", "--file", export}} {
		_, stderr, code := runCLI(t, args...)
		if code != 2 || strings.Contains(stderr, "corrupt") || !strings.Contains(stderr, "is a journal export file") ||
			!strings.Contains(stderr, "connlog export "+export) {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}
