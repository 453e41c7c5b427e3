package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"connlog/source/journalfile"
)

// TestListBootsAsJournalctl: --list-boots prints what journalctl
// --list-boots prints for the same files, offsets for -b included.
func TestListBootsAsJournalctl(t *testing.T) {
	dir := copiedJournalDir(t)
	out, errs, code := runCLI(t, "--list-boots", "-D", dir, "--utc")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	bootsAsJournalctl(t, dir, out)
}

// bootsAsJournalctl requires out to be journalctl's --list-boots of dir.
func bootsAsJournalctl(t *testing.T, dir, out string) {
	t.Helper()
	want, err := exec.Command("journalctl", "-D", dir, "--list-boots", "--utc", "--no-pager").Output()
	if err != nil {
		t.Fatalf("journalctl --list-boots: %v", err)
	}
	if out != string(want) {
		t.Errorf("got\n%s\nwant (journalctl)\n%s", out, want)
	}
}

// TestListBootsMistakes: what --list-boots cannot list is a usage error or
// a message that names the place, never a table of nothing.
func TestListBootsMistakes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"--list-boots", "some.log"}, 2},
		{[]string{"export", "--list-boots"}, 2},
		{[]string{"--list-boots", "-D", t.TempDir()}, 1},
		{[]string{"--list-boots", "-D", "/nonexistent/journal"}, 1},
	} {
		out, errs, code := runCLI(t, tc.args...)
		if code != tc.code || out != "" || errs == "" {
			t.Errorf("%v: exit %d (want %d), stdout %q, stderr %q", tc.args, code, tc.code, out, errs)
		}
	}
}

// cutJournalDir is copiedJournalDir plus cut.journal, another host's file
// of two boots cut in the first: its boots cannot be listed (the newest
// boot's ID lies past its end), as journalctl finds it truncated.
func cutJournalDir(t *testing.T) string {
	t.Helper()
	dir := copiedJournalDir(t)
	var b strings.Builder
	for i := range 80 {
		fmt.Fprintf(&b, "__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n_BOOT_ID=%s\n_HOSTNAME=cut-host\n"+
			"_SYSTEMD_UNIT=twingate-connector.service\nSYSLOG_IDENTIFIER=twingate-connector\nMESSAGE=cut %04d\n\n",
			1_763_625_600_000_000+i*1_000_000, 1_000_000+i*1000, []string{strings.Repeat("ab", 16), strings.Repeat("cd", 16)}[i/40], i)
	}
	path := filepath.Join(dir, "cut.journal")
	cmd := exec.Command("/lib/systemd/systemd-journal-remote", "--output="+path, "-")
	cmd.Stdin = strings.NewReader(b.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, out)
	}
	f, err := journalfile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := int64(f.EntryOffset(10)) + 24
	f.Close()
	if err := os.Truncate(path, cut); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestListBootsOverCutFile: a truncated file among the copied ones leaves
// out its boots, with a warning, and the others' are listed as journalctl
// lists them; -b reads them.
func TestListBootsOverCutFile(t *testing.T) {
	dir := cutJournalDir(t)
	out, errs, code := runCLI(t, "--list-boots", "-D", dir, "--utc")
	if code != 0 || !strings.Contains(errs, "cut.journal") {
		t.Fatalf("exit %d, stderr %q: want 0 and a warning naming the file", code, errs)
	}
	bootsAsJournalctl(t, dir, out)
	out, errs, code = runCLI(t, "export", "-D", dir, "--all-units", "-b", "-1", "--format", "ndjson")
	if code != 0 || strings.Count(out, `"reason":"journal file dropped`) != 1 || strings.Count(out, "\n") < 2 {
		t.Fatalf("export -b -1: exit %d, stderr %q, %d lines", code, errs, strings.Count(out, "\n"))
	}
}
