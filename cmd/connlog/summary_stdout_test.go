package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A summary to a standard output that was closed (`>&-`) is refused, as an
// export is, before anything is read (a missing input is not even
// opened), exit status 2, saying to redirect it to a file; in every format.
func TestSummaryToAClosedStdoutIsRefused(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.log")
	must(t, os.WriteFile(in, []byte("line one\nline two\n"), 0o600))
	missing := filepath.Join(t.TempDir(), "missing.log")
	for _, args := range [][]string{{"summary", in}, {"summary", "--format", "json", in},
		{"summary", "--format", "markdown", in}, {"summary", missing}} {
		stderr, code := runConnlogShell(t, `"$@" >&-`, args...)
		want := "standard output is closed, so the summary would be lost: redirect standard output to a file"
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%v >&-: exit %d, stderr %q; want 2 saying %q", args, code, stderr, want)
		}
	}
	if stderr, code := runConnlogShell(t, `"$@" >/dev/null`, "summary", in); code != 0 || stderr != "" {
		t.Errorf(">/dev/null: exit %d, stderr %q; want 0 and nothing said", code, stderr)
	}
}

// A summary to a pipe whose reader went away ends as an export does:
// status 141, as a shell reports a program SIGPIPE ended, saying nothing.
func TestSummaryToAClosedPipeEndsQuietly(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.log")
	must(t, os.WriteFile(in, bytes.Repeat([]byte("2026-02-10T08:00:00Z host app: a line of the log\n"), 2000), 0o600))
	for _, format := range []string{"text", "json", "markdown"} {
		code, stderr := runToClosedPipe(t, "summary", "--format", format, in)
		if code != exitClosedPipe || stderr != "" {
			t.Errorf("--format %s: exit %d, stderr %q; want exit %d saying nothing", format, code, stderr, exitClosedPipe)
		}
	}
}

// --version and --list-boots print to a pipe whose reader went away as a
// pipeline's tools do: ended by SIGPIPE (or exiting as it would), saying
// nothing, never a Go panic or trace.
func TestPrintsToAClosedPipeSayNothing(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"--list-boots", "-D", copiedJournalDir(t)}} {
		code, stderr := runToClosedPipe(t, args...)
		if (code != -1 && code != exitClosedPipe) || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q; want SIGPIPE or exit %d, saying nothing", args, code, stderr, exitClosedPipe)
		}
	}
}
