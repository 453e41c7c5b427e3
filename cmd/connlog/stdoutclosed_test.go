package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runConnlogShell runs connlog as its own process through sh with the
// redirections of script ("$@" is connlog and its arguments), and returns
// its standard error and exit status.
func runConnlogShell(t *testing.T, script string, args ...string) (stderr string, code int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", append([]string{"-c", script, "sh", exe}, args...)...)
	cmd.Env = append(os.Environ(), runAsConnlog+"=1")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return errb.String(), 0
}

// An export to a standard output that was closed (`>&-`) is refused before
// anything is read, exit status 2, with what to do: it went to the
// /dev/null the runtime put in its place, and exited 0. A standard output
// sent to /dev/null on purpose is written to as before.
func TestExportToAClosedStdoutIsRefused(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.log")
	must(t, os.WriteFile(in, []byte("line one\nline two\n"), 0o600))
	for _, args := range [][]string{{"export", in}, {"export", "-o", "-", in}, {"export", "--format", "ndjson", in}} {
		stderr, code := runConnlogShell(t, `"$@" >&-`, args...)
		want := "standard output is closed, so the export would be lost: give -o FILE"
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%v >&-: exit %d, stderr %q; want 2 saying %q", args, code, stderr, want)
		}
	}
	if stderr, code := runConnlogShell(t, `"$@" >/dev/null`, "export", in); code != 0 || stderr != "" {
		t.Errorf(">/dev/null: exit %d, stderr %q; want 0 and nothing said", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "x.log")
	if stderr, code := runConnlogShell(t, `"$@" >&-`, "export", "-o", out, in); code != 0 {
		t.Errorf("-o FILE >&-: exit %d, stderr %q; want 0", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != "line one\nline two\n" {
		t.Errorf("-o FILE >&- wrote %q", got)
	}
}
