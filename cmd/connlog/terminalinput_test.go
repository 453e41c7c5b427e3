package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// TestTerminalInputRefused: an input that is the terminal is refused with
// advice and exit status 2, by the interface, export and summary alike,
// whether named "-" or by a path of the terminal.
func TestTerminalInputRefused(t *testing.T) {
	cases := []struct {
		name string
		args func(tty string) []string
		says []string
	}{
		{"interface -", func(string) []string { return []string{"-"} }, []string{"standard input is a terminal", "some-command | connlog)"}},
		{"export -", func(string) []string { return []string{"export", "-"} }, []string{"standard input is a terminal", "some-command | connlog export -)"}},
		{"summary -", func(string) []string { return []string{"summary", "-"} }, []string{"standard input is a terminal", "some-command | connlog summary -)"}},
		{"export the terminal's path", func(tty string) []string { return []string{"export", tty} }, []string{" is a terminal, not a log", "connlog export FILE"}},
		{"interface the terminal's path", func(tty string) []string { return []string{tty} }, []string{" is a terminal, not a log", "(connlog FILE)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			screen, term := openPTY(t)
			var stdout, stderr bytes.Buffer
			code := runOrHangUp(t, screen, func() int { return run(c.args(term.Name()), term, &stdout, &stderr) })
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr %q", code, stderr.String())
			}
			for _, s := range c.says {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr %q does not say %q", stderr.String(), s)
				}
			}
			if stdout.Len() != 0 {
				t.Errorf("wrote %q to standard output", stdout.String())
			}
		})
	}
}

// TestPipedInputNotRefused: lines piped in are read as before.
func TestPipedInputNotRefused(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"export", "--format", "raw", "-"}, strings.NewReader("one line\n"), &stdout, &stderr)
	if code != 0 || stdout.String() != "one line\n" {
		t.Errorf("exit %d, output %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

// runOrHangUp runs f, which must not read the terminal: if it has not
// returned within a few seconds, it is reading it, and the terminal is
// hung up (its other side closed) so that the read ends.
func runOrHangUp(t *testing.T, screen *os.File, f func() int) int {
	t.Helper()
	done := make(chan int, 1)
	go func() { done <- f() }()
	select {
	case code := <-done:
		return code
	case <-time.After(5 * time.Second):
		t.Error("still running after 5s: it reads the terminal")
		screen.Close()
		return <-done
	}
}
