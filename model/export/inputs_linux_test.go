package export

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestExportNeverReplacesAFileHeldOpen: a follower holds a rotated
// generation open under a name it was never given; that file is an input
// too.
func TestExportNeverReplacesAFileHeldOpen(t *testing.T) {
	dir := t.TempDir()
	rotated := filepath.Join(dir, "same.log.1")
	must(t, os.WriteFile(rotated, []byte("the log\n"), 0o644))
	f, err := os.Open(rotated)
	must(t, err)
	defer f.Close()
	_, err = Export(t.Context(), rotated, Slice(mixedEntries()), Options{Force: true, Inputs: []string{filepath.Join(dir, "same.log")}})
	if !errors.Is(err, ErrIsInput) {
		t.Fatalf("error = %v, want ErrIsInput", err)
	}
	if got, _ := os.ReadFile(rotated); string(got) != "the log\n" {
		t.Errorf("the rotated input now holds %q", got)
	}
}

// TestCommitDoesNotReplaceAnInputRotatedThere: the log rotates to the
// export's name while the export is written; with force the commit must
// still not replace it.
func TestCommitDoesNotReplaceAnInputRotatedThere(t *testing.T) {
	dir := t.TempDir()
	input, path := filepath.Join(dir, "same.log"), filepath.Join(dir, "same.log.1")
	must(t, os.WriteFile(input, []byte("the log\n"), 0o644))
	in, err := os.Open(input) // the follower's descriptor
	must(t, err)
	defer in.Close()
	f, err := CreateFile(path, true, []string{input})
	must(t, err)
	if _, err := f.Write([]byte("export\n")); err != nil {
		t.Fatal(err)
	}
	must(t, os.Rename(input, path))
	if err := f.Commit(); !errors.Is(err, ErrIsInput) {
		t.Fatalf("Commit = %v, want ErrIsInput", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "the log\n" {
		t.Errorf("the rotated input now holds %q", got)
	}
}
