package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

const journalRemote = "/lib/systemd/systemd-journal-remote"

// TestJournalRemoteBuildsJournal pipes the export corpus into
// systemd-journal-remote, as the usage text says, and reads the journal back
// with journalctl: every entry must be there, byte for byte (journal-remote
// drops invalid entries without a word, so the count is the test).
func TestJournalRemoteBuildsJournal(t *testing.T) {
	for _, tool := range []string{journalRemote, "journalctl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for this test: apt-get install systemd-journal-remote systemd (%v)", tool, err)
		}
	}
	const n = 20000
	cfg := testConfig("journal-export", n)
	dir := t.TempDir()
	remote := exec.Command(journalRemote, "--output="+filepath.Join(dir, "x.journal"), "-")
	remote.Stdin = bytes.NewReader(corpus(t, cfg))
	if out, err := remote.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.journal"))
	if len(files) == 0 {
		t.Fatal("journal-remote wrote no journal file")
	}
	args := []string{"-o", "export", "--no-pager"}
	for _, f := range files {
		args = append(args, "--file", f)
	}
	read := exec.Command("journalctl", args...)
	read.Stderr = os.Stderr
	out, err := read.Output()
	if err != nil {
		t.Fatalf("journalctl: %v", err)
	}
	entries, err := readExport(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	checkJournalEntries(t, entries, expectedLines(cfg, n), false)
}
