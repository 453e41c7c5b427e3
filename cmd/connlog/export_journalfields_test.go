package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestJournalExportEqualsJournalctls: a journal export of a journal holds
// every entry as journalctl -o export writes it, every field of it, byte
// for byte; only the gaps and restarts connlog adds (CONNLOG_KIND) are
// records of their own.
func TestJournalExportEqualsJournalctls(t *testing.T) {
	journal := filepath.Join(copiedJournalDir(t), "copied.journal")
	want, err := exec.Command("journalctl", "--file", journal, "-o", "export").Output()
	if err != nil {
		t.Fatalf("journalctl: %v", err)
	}
	for _, reader := range []string{"native", "libsystemd"} {
		got, stderr, code := runCLI(t, "export", "--journal-reader", reader, "--file", journal, "--all-units", "--format", "journal")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", reader, code, stderr)
		}
		var entries [][]byte
		for rec := range bytes.SplitSeq([]byte(got), []byte("\n\n")) {
			if len(rec) > 0 && !bytes.Contains(rec, []byte("\nCONNLOG_KIND=")) {
				entries = append(entries, append(rec, "\n\n"...))
			}
		}
		if joined := bytes.Join(entries, nil); !bytes.Equal(joined, want) {
			t.Errorf("%s: the export's entries differ from journalctl -o export:\n%s\nwant\n%s", reader, joined, want)
		}
	}
}
