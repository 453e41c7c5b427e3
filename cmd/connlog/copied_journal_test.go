package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copiedJournalDir builds a journal directory from testdata/journal's
// connector.export (entries of host connector-1), as if copied off it.
func copiedJournalDir(t *testing.T) string {
	t.Helper()
	const remote = "/lib/systemd/systemd-journal-remote"
	if _, err := os.Stat(remote); err != nil {
		t.Fatalf("%s is missing: install systemd-journal-remote (scripts/deps.sh does)", remote)
	}
	export, err := os.Open(filepath.Join("..", "..", "testdata", "journal", "connector.export"))
	if err != nil {
		t.Fatal(err)
	}
	defer export.Close()
	dir := t.TempDir()
	cmd := exec.Command(remote, "--output="+filepath.Join(dir, "copied.journal"), "-")
	cmd.Stdin, cmd.Env = export, append(os.Environ(), "SYSTEMD_JOURNAL_COMPACT=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, out)
	}
	return dir
}

// The title of a journal copied from a connector names the connector, not
// the machine connlog runs on.
func TestTitleNamesTheCopiedJournalsHost(t *testing.T) {
	cfg := Config{Directory: copiedJournalDir(t), Units: listFlag{defaultUnit}, Lines: -1}
	host := titleHost(t.Context(), cfg)
	if host != "connector-1" {
		t.Fatalf("title host %q; want connector-1, the journal's", host)
	}
	got := title([]sourceInfo{{Name: "twingate-connector", Unit: "twingate-connector"}}, host)
	if !strings.HasSuffix(got, "@ connector-1") {
		t.Errorf("title %q; want it to end @ connector-1", got)
	}
	if me, _ := os.Hostname(); titleHost(t.Context(), Config{Units: listFlag{defaultUnit}}) != me {
		t.Errorf("this machine's journal is not titled with this machine's name")
	}
}

// A copied journal is read with the window pushed down: an export that
// finds nothing still says where the journal ends.
func TestExportJournalWindowAfterTheEnd(t *testing.T) {
	dir := copiedJournalDir(t)
	out, errs, code := runCLI(t, "export", "-D", dir, "--since", "23:00")
	if code != 0 || out != "" {
		t.Fatalf("exit %d, output %q, stderr %q", code, out, errs)
	}
	if want := "no entries since 2026-02-10 23:00; the input ends 2026-02-10 09:30"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q; want %q", errs, want)
	}
}
