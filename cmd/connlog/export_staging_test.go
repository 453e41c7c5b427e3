package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A bundle written to a file keeps its members beside it while they are
// written, not in $TMPDIR: a small /tmp must not fail an export whose
// target has room (here $TMPDIR does not even exist).
func TestExportBundleStagesBesideTarget(t *testing.T) {
	in := fixtureCopy(t, "testdata/envelopes/docker-ts.log")
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "gone"))
	_, stderr, code := runCLI(t, "export", "-o", "x.tar", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ents, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if want := []string{in, "x.tar"}; !reflect.DeepEqual(names, want) {
		t.Errorf("directory holds %v, want %v", names, want)
	}
}
