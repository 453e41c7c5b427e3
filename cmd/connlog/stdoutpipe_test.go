package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// An export to a pipe whose reader went away (`| head -c 100`) ends as a
// program SIGPIPE killed is reported (141), saying nothing, as the tools
// of a pipeline do, but having ended as on an error: a bundle's temp
// members are removed. So it does in every format, a bundle (written at
// its end) and a compressed stream included.
func TestExportToAClosedPipeEndsQuietly(t *testing.T) {
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
		if code := cmd.ProcessState.ExitCode(); code != exitClosedPipe || errb.Len() != 0 {
			t.Errorf("%v: %v (exit %d), stderr %q; want exit %d saying nothing", args, err, code, errb.String(), exitClosedPipe)
		}
	}
}
