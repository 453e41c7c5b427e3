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
	for _, args := range [][]string{{"export", in}, {"export", "--format", "ndjson", "--compress", "gzip", in},
		{"export", "--format", "bundle", in}, {"export", "-f", in}} {
		if code, stderr := runToClosedPipe(t, args...); code != exitClosedPipe || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q; want exit %d saying nothing", args, code, stderr, exitClosedPipe)
		}
	}
}

// runToClosedPipe runs connlog as its own process with args, its standard
// output a pipe whose reader is gone before the first write, and returns
// its exit status (-1 when a signal ended it) and standard error.
func runToClosedPipe(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), runAsConnlog+"=1")
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = w, &errb
	_ = cmd.Run() // the exit status says it
	return cmd.ProcessState.ExitCode(), errb.String()
}
