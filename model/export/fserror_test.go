package export

import (
	"errors"
	"io/fs"
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
