package journalfile

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// remoteBin turns journal export text into a real journal file.
const remoteBin = "/lib/systemd/systemd-journal-remote"

// fixtureDir holds the export-format fixtures shared with other tests.
const fixtureDir = "../../testdata/journal"

// buildJournal writes export text into DIR/name with journal-remote in the
// given layout (compact or regular) and returns DIR.
func buildJournal(t testing.TB, dir, name string, export []byte, compact bool) string {
	t.Helper()
	if _, err := os.Stat(remoteBin); err != nil {
		t.Fatalf("%s is missing (%v): install systemd-journal-remote (scripts/deps.sh does)", remoteBin, err)
	}
	cmd := exec.Command(remoteBin, "--output="+filepath.Join(dir, name), "-")
	cmd.Stdin = bytes.NewReader(export)
	cmd.Env = append(os.Environ(), "SYSTEMD_JOURNAL_COMPACT="+map[bool]string{false: "0", true: "1"}[compact])
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, out)
	}
	return dir
}

// fixtureJournal builds a journal directory from a fixture file.
func fixtureJournal(t testing.TB, fixture string, compact bool) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, fixture))
	if err != nil {
		t.Fatal(err)
	}
	return buildJournal(t, t.TempDir(), "x.journal", b, compact)
}

// journalctl runs journalctl on dir with args and returns its output.
func journalctl(t testing.TB, dir string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command("journalctl", append([]string{"-D", dir, "--no-pager", "-q"}, args...)...).Output()
	if err != nil {
		t.Fatalf("journalctl %v: %v", args, err)
	}
	return out
}

// journalctlJSON returns journalctl's entries as field maps (string values).
func journalctlJSON(t testing.TB, dir string, args ...string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range bytes.Split(bytes.TrimSpace(journalctl(t, dir, append(args, "-o", "json")...)), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatalf("journalctl json: %v", err)
		}
		out = append(out, m)
	}
	return out
}

// readAll reads every entry of j from the head: the MESSAGE of each, joined
// as journalctl -o cat prints them, and their cursors.
func readAll(t testing.TB, j *Journal) (cat []byte, cursors []string) {
	t.Helper()
	if err := j.SeekHead(); err != nil {
		t.Fatal(err)
	}
	for {
		ok, err := j.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return cat, cursors
		}
		msg, _, err := j.Field("MESSAGE", nil)
		if err != nil {
			t.Fatal(err)
		}
		cat = append(append(cat, msg...), '\n')
		loc, _ := j.Location()
		cursors = append(cursors, loc.Cursor())
	}
}

// openInterleaved builds two journal files of n entries each in a temp
// directory (one compact, one regular, their entries interleaved in time)
// and opens the directory with expr's matches.
func openInterleaved(t *testing.T, n int, expr Expr) (*Journal, string) {
	t.Helper()
	dir := t.TempDir()
	buildJournal(t, dir, "a.journal", syntheticExport(0, n, 2), true)
	buildJournal(t, dir, "b.journal", syntheticExport(1, n, 2), false)
	j, err := OpenDirectories([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	if err := j.SetMatches(expr); err != nil {
		t.Fatal(err)
	}
	return j, dir
}

// readsBackwards requires reading from the tail to give the entries of
// cursors in reverse, and nothing before the first.
func readsBackwards(t *testing.T, j *Journal, cursors []string) {
	t.Helper()
	if err := j.SeekTail(); err != nil {
		t.Fatal(err)
	}
	for i := len(cursors) - 1; i >= 0; i-- {
		if ok, err := j.Previous(); !ok || err != nil {
			t.Fatalf("Previous at %d: %v %v", i, ok, err)
		}
		if l, _ := j.Location(); l.Cursor() != cursors[i] {
			t.Fatalf("backwards entry %d: %s, want %s", i, l.Cursor(), cursors[i])
		}
	}
	if ok, _ := j.Previous(); ok {
		t.Fatal("Previous before the first entry moved")
	}
}

// writeJournalFile writes the bytes of a journal file, as given (patched or
// cut), to x.journal in a new temporary directory and returns its path.
func writeJournalFile(t testing.TB, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.journal")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
