package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A -b that names no boot of journal files says so, and points to
// connlog --list-boots of the same files, which lists their boots, not to
// journalctl's list of this machine's; a word after -b that is neither a
// boot nor a file is a boot mistyped, not a file to read.
func TestBootMistakesPointToTheFilesBoots(t *testing.T) {
	dir := copiedJournalDir(t)
	file := filepath.Join(dir, "copied.journal")
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		args []string
		code int
		says []string
	}{
		{[]string{"export", "--file", file, "-b", "zz"}, 2,
			[]string{`-b "zz": not a boot`, "connlog --list-boots --file " + file + " lists the boots"}},
		{[]string{"export", "-D", dir, "-b", "-2"}, 1,
			[]string{"no such boot: the journal holds 2 boot(s)", "connlog --list-boots -D " + dir + " lists the boots"}},
		{[]string{"export", "--file", file, "-b", "-2"}, 1,
			[]string{"connlog --list-boots --file " + file + " lists the boots"}},
		{[]string{"export", "-b", "zz"}, 2,
			[]string{`-b "zz": not a boot`, "journalctl --list-boots"}},
	} {
		out, errs, code := runCLI(t, tc.args...)
		if code != tc.code || out != "" {
			t.Errorf("%v: exit %d (want %d), stdout %q, stderr %q", tc.args, code, tc.code, out, errs)
		}
		for _, s := range tc.says {
			if !strings.Contains(errs, s) {
				t.Errorf("%v: stderr %q; want it to say %q", tc.args, errs, s)
			}
		}
		if (len(tc.args) > 2 && tc.args[1] != "-b") && strings.Contains(errs, "journalctl") {
			t.Errorf("%v: stderr %q points to journalctl, which lists this machine's boots", tc.args, errs)
		}
	}
}
