//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"connlog/source/remote/vltest"
)

// An export of every unit of a journal that holds no entry says so, and
// where it looked, exit status 1 and nothing written at -o, as an export
// of a unit of it does: an empty output with exit 0 passed for a quiet
// host.
func TestExportOfAllUnitsOfAnEmptyJournalSaysSo(t *testing.T) {
	dir := t.TempDir()
	vltest.MakeJournal(t, dir, "empty", nil)
	out := filepath.Join(t.TempDir(), "x.txt")
	for _, c := range []struct {
		args  []string
		where string
	}{
		{[]string{"-D", dir, "--all-units"}, "no entries could be read in " + dir},
		{[]string{"--file", filepath.Join(dir, "empty.journal"), "--all-units"}, "no entries could be read in " + filepath.Join(dir, "empty.journal")},
		{[]string{"-D", dir}, "no entries could be read in " + dir},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"export", "-o", out}, c.args...)...)
			if code != 1 || !strings.Contains(stderr, "the journal is empty: "+c.where) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1 saying %q", code, stdout, stderr, c.where)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
}
