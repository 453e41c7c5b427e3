package main

import (
	"os"
	"strings"
	"testing"
)

// TestErrorsNameInputsInertly: a file name, a path or a query that holds an
// escape sequence is shown in an error with its control characters made
// visible, so that the message cannot drive the terminal.
func TestErrorsNameInputsInertly(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("x.log", []byte("2026-11-20T10:00:00Z [INFO] line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "nonexist\x1b[31mX"},
		{"export", "-o", "nodir\x1b[31mX/a.txt", "x.log"},
		{"export", "-q", "/\x1b[31mX(/", "x.log"},
		{"export", "--since", "\x1b[31mX", "x.log"},
		{"summary", "nonexist\x1b[31mX"},
		{"export", "nonexist\x1b[31mX", "nonexist\x1b[32mY"},
	} {
		_, errOut, code := runCLI(t, args...)
		inert := !strings.ContainsFunc(errOut, func(r rune) bool { return r < ' ' && r != '\n' })
		if code == 0 || !inert || !strings.Contains(errOut, "[31mX") {
			t.Errorf("%q: exit %d, stderr %q; want an error naming the input with its escape made visible", args, code, errOut)
		}
	}
	// A message of several lines keeps them.
	_, errOut, _ := runCLI(t, "export", "nonexist\x1bX", "nonexist\x1bY")
	if want := "2 inputs failed:\n  open nonexist␛X"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q; want %q", errOut, want)
	}
}
