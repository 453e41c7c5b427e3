package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestExportOfAPipeUnnamedSaysHowToReadIt: export reads the journal when no
// input is named, even with lines piped in (from a script, standard input
// is seldom the logs); when that fails, it says how to read the pipe.
func TestExportOfAPipeUnnamedSaysHowToReadIt(t *testing.T) {
	hint := "to read the lines piped in, name them as the input: connlog export [flags] -"
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, _ = w.WriteString("hello\n")
	w.Close()
	var out, errb bytes.Buffer
	code := run([]string{"export", "-u", "connlog-test-no-such-unit"}, r, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), hint) {
		t.Errorf("exit %d, stderr %q; want 1 and the hint", code, errb.String())
	}
	// Not piped: the journal's error alone.
	errb.Reset()
	if code := run([]string{"export", "-u", "connlog-test-no-such-unit"}, strings.NewReader(""), &out, &errb); code != 1 || strings.Contains(errb.String(), hint) {
		t.Errorf("no pipe: exit %d, stderr %q; want 1 without the hint", code, errb.String())
	}
}
