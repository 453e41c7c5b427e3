package main

import (
	"os/exec"
	"testing"
)

// TestListBootsAsJournalctl: --list-boots prints what journalctl
// --list-boots prints for the same files, offsets for -b included.
func TestListBootsAsJournalctl(t *testing.T) {
	dir := copiedJournalDir(t)
	out, errs, code := runCLI(t, "--list-boots", "-D", dir, "--utc")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
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
