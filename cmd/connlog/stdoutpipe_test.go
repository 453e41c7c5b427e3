package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// An export to a pipe whose reader went away (`| head -c 100`) says so
// and exits 1: it died of SIGPIPE, silently, and a script could not tell
// a cut export from a whole one but by the signal. So it does in every
// format, a bundle (written at its end) and a compressed stream included.
func TestExportToAClosedPipeSaysItWasCutShort(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.log")
	must(t, os.WriteFile(in, bytes.Repeat([]byte("2026-02-10T08:00:00Z host app: a line of the log\n"), 2000), 0o600))
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"export", in}, {"export", "--format", "ndjson", "--compress", "gzip", in},
		{"export", "--format", "bundle", in}, {"export", "-f", in}} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		r.Close() // the reader is gone before the first write
		cmd := exec.Command(exe, args...)
		cmd.Env = append(os.Environ(), runAsConnlog+"=1")
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = w, &errb
		err = cmd.Run()
		w.Close()
		want := "standard output was closed by the command reading it"
		if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(errb.String(), want) {
			t.Errorf("%v: %v (exit %d), stderr %q; want exit 1 saying %q", args, err, code, errb.String(), want)
		}
	}
}
