package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileTermFindsTheFileHoweverNamed: file: in -q finds the lines of a
// file whether the query names it by the path the command line gave or by
// another path to the same file, absolute or relative to where connlog
// runs.
func TestFileTermFindsTheFileHoweverNamed(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("logs", 0o700); err != nil {
		t.Fatal(err)
	}
	const data = "2026-12-06T01:00:00Z [INFO] [connector] one\n2026-12-06T01:00:01Z [INFO] [connector] two\n"
	if err := os.WriteFile(filepath.Join("logs", "a.log"), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(filepath.Join("logs", "a.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ query, input string }{
		{"file:" + abs, "logs/a.log"},
		{"file:logs/a.log", abs},
		{"file:./logs/a.log", "logs/../logs/a.log"},
	} {
		out, errOut, code := runCLI(t, "export", "--format", "raw", "-q", c.query, c.input)
		if code != 0 || out != data {
			t.Errorf("-q %s on %s: exit %d, %q (%s); want every line", c.query, c.input, code, out, strings.TrimSpace(errOut))
		}
	}
}
