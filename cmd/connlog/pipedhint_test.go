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
	for _, command := range []string{"export", "summary"} {
		hint := "to read the lines piped in, name them as the input: connlog " + command + " [flags] -"
		var out, errb bytes.Buffer
		code := run([]string{command, "-u", "connlog-test-no-such-unit"}, pipeOf(t, "hello\n"), &out, &errb)
		if code != 1 || !strings.Contains(errb.String(), hint) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and the hint", command, code, errb.String())
		}
		// Not piped: the journal's error alone.
		errb.Reset()
		if code := run([]string{command, "-u", "connlog-test-no-such-unit"}, strings.NewReader(""), &out, &errb); code != 1 || strings.Contains(errb.String(), hint) {
			t.Errorf("%s, no pipe: exit %d, stderr %q; want 1 without the hint", command, code, errb.String())
		}
	}
}

// pipeOf returns the read end of a pipe that holds text.
func pipeOf(t *testing.T, text string) *os.File {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	_, _ = w.WriteString(text)
	w.Close()
	return r
}
