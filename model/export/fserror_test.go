package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportWhereNoFileCanBeCreated: /proc exists but takes no new file;
// the message must not say it does not exist.
func TestExportWhereNoFileCanBeCreated(t *testing.T) {
	for _, path := range []string{"/proc/x.csv", "/proc/self/x.csv"} {
		_, err := Export(t.Context(), path, Slice(mixedEntries()), Options{})
		var fe *FileError
		if !errors.As(err, &fe) || !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%s: error = %v, want a FileError", path, err)
		}
		dir := path[:len(path)-len("/x.csv")]
		want := "cannot create a file in " + dir + ": the directory exists, but its file system does not let files be created in it " +
			"(no such file or directory) — choose another directory"
		if err.Error() != want || errors.Is(err, ErrNoDirectory) {
			t.Errorf("%s: message %q, want %q", path, err, want)
		}
	}
}

// A file to be made in the current directory fails on the directory ".",
// which tells the user nothing: the message names it in full.
func TestFileErrorNamesTheCurrentDirectory(t *testing.T) {
	t.Chdir(t.TempDir())
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		dir  string
		err  error
		want string
	}{
		{".", syscall.EACCES, "cannot write " + wd + ": permission denied — choose a directory you can write to"},
		{"./", syscall.EROFS, "cannot write " + wd + ": the file system is read-only — choose another directory"},
		{"sub/..", syscall.ENOSPC, "disk full while writing " + wd + ": "},
		{"..", syscall.EACCES, "cannot write " + filepath.Dir(wd) + ": permission denied"},
		{"sub", syscall.EACCES, "cannot write sub: permission denied"},
	} {
		got := fileError("create a file in", tt.dir, tt.err)
		if !strings.HasPrefix(got.Error(), tt.want) {
			t.Errorf("%s: %q, want it to begin %q", tt.dir, got, tt.want)
		}
	}
}
