package main

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// journalRemote is where systemd-journal-remote is installed, "" when it
// is not.
func journalRemote() string {
	for _, p := range []string{"/lib/systemd/systemd-journal-remote", "/usr/lib/systemd/systemd-journal-remote"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// TestJournalExportReadsBackLastLine hands over a file whose last line has
// no newline in the journal export format: a raw export of it, read from
// the file, from standard input, from an export of the export, and from
// the journal systemd-journal-remote makes of it, ends as the file did.
func TestJournalExportReadsBackLastLine(t *testing.T) {
	t.Chdir(t.TempDir())
	const data = "2026-12-06T01:00:00Z [INFO] [connector] one\n2026-12-06T01:00:01Z [INFO] [connector] two"
	if err := os.WriteFile("a.log", []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	sent := exportOK(t, "export", "--format", "journal", "-o", "a.export", "a.log")
	if sent != "" {
		t.Fatalf("export to a file wrote to standard output: %q", sent)
	}
	if back := exportOK(t, "export", "--format", "raw", "a.export"); back != data {
		t.Errorf("raw export of the journal export = %q, want %q", back, data)
	}
	slice, err := os.ReadFile("a.export")
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"export", "--format", "raw", "-"}, bytes.NewReader(slice), &out, &errOut); code != 0 || out.String() != data {
		t.Errorf("raw export of standard input = %q (exit %d: %s), want %q", out.String(), code, errOut.String(), data)
	}
	exportOK(t, "export", "--format", "journal", "-o", "b.export", "a.export")
	if back := exportOK(t, "export", "--format", "raw", "b.export"); back != data {
		t.Errorf("raw export of the export of the export = %q, want %q", back, data)
	}
	remote := journalRemote()
	if remote == "" {
		t.Skip("no systemd-journal-remote")
	}
	cmd := exec.Command(remote, "--output=a.journal", "a.export")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, msg)
	}
	if back := exportOK(t, "export", "--format", "raw", "--all-units", "--file", "a.journal"); back != data {
		t.Errorf("raw export of the journal made of the export = %q, want %q", back, data)
	}
}
