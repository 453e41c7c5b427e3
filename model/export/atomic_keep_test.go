package export

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// wantSavedBeside checks that a commit refused its path but kept the
// export under kept beside it, said so, and left dir holding names.
func wantSavedBeside(t *testing.T, err error, dir, kept, content string, names ...string) {
	t.Helper()
	var fe *FileError
	if !errors.Is(err, ErrSavedElsewhere) || !errors.As(err, &fe) || fe.Path != filepath.Join(dir, kept) {
		t.Fatalf("Commit = %v, want the export saved as %s", err, kept)
	}
	if !strings.Contains(err.Error(), "the export is saved as "+fe.Path+" instead") {
		t.Errorf("the message does not say where the export is: %v", err)
	}
	if got, _ := os.ReadFile(fe.Path); string(got) != content {
		t.Errorf("%s holds %q, want the export %q", kept, got, content)
	}
	if got := dirNames(t, dir); !slices.Equal(got, names) {
		t.Errorf("directory holds %v, want %v", got, names)
	}
}

// The name an export is kept under says what it holds: the number goes
// before the extensions, and a hidden file keeps its dot.
func TestKeptName(t *testing.T) {
	for path, want := range map[string]string{
		"/x/out.ndjson.gz": "/x/out-2.ndjson.gz",
		"out":              "out-2",
		"dir.d/out":        "dir.d/out-2",
		".hidden.log":      ".hidden-2.log",
		"same.log.1":       "same-2.log.1",
	} {
		if got := keptName(path, 2); got != want {
			t.Errorf("keptName(%q, 2) = %q, want %q", path, got, want)
		}
	}
}

// An export whose path was taken while it was written is kept under the
// first free name beside it: one taken already is passed over.
func TestCommitKeepsTheExportUnderAFreeName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.log")
	must(t, os.WriteFile(filepath.Join(dir, "x-1.log"), []byte("an older one"), 0o644))
	f, err := CreateFile(path, false, nil)
	must(t, err)
	if _, err := f.Write([]byte("export\n")); err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(path, []byte("someone else's"), 0o644))
	wantSavedBeside(t, f.Commit(), dir, "x-2.log", "export\n", "x-1.log", "x-2.log", "x.log")
	if got, _ := os.ReadFile(filepath.Join(dir, "x-1.log")); string(got) != "an older one" {
		t.Errorf("x-1.log was replaced: %q", got)
	}
}
