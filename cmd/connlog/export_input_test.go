package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportNeverWritesOverAnInput: `connlog export -o X` where X is one of
// the files read, however the inputs were named, must refuse, --force or
// not, and leave X as it was.
func TestExportNeverWritesOverAnInput(t *testing.T) {
	const log = "2026-11-20T08:00:00Z hello\n2026-11-20T08:00:01Z bye\n"
	tests := []struct {
		name   string
		output string
		args   []string // after export -o OUTPUT
	}{
		{"the file named", "a.log", []string{"a.log"}},
		{"one of several", "b.log", []string{"a.log", "b.log"}},
		{"a glob's match", "b.log", []string{"*.log"}},
		{"another name of it", "./sub/../a.log", []string{"a.log"}},
		{"a journal file", "j/system.journal", []string{"--file", "j/system.journal"}},
		{"a file of a journal directory", "j/m/system.journal", []string{"-D", "j"}},
	}
	for _, tt := range tests {
		for _, force := range [][]string{nil, {"--force"}} {
			t.Run(tt.name+strings.Join(force, ""), func(t *testing.T) {
				t.Chdir(t.TempDir())
				for _, p := range []string{"a.log", "b.log", "j/system.journal", "j/m/system.journal", "sub/x"} {
					must(t, os.MkdirAll(filepath.Dir(p), 0o755))
					must(t, os.WriteFile(p, contentOf(p, log), 0o644))
				}
				// A query: an export of the whole input would hold the same bytes.
				args := append(append([]string{"export", "-q", "hello", "-o", tt.output}, force...), tt.args...)
				_, stderr, code := runCLI(t, args...)
				if want := tt.output + " is one of the inputs being read — choose another path"; code != 1 || !strings.Contains(stderr, want) {
					t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
				}
				if got, _ := os.ReadFile(tt.output); string(got) != string(contentOf(tt.output, log)) {
					t.Errorf("the input now holds %q", got)
				}
			})
		}
	}
}

// contentOf is what the test writes at path: a journal file's signature and
// header bytes for a journal file (text given to --file is refused before
// the output is looked at), the log's lines for the others.
func contentOf(path, log string) []byte {
	if filepath.Ext(path) == ".journal" {
		return append([]byte("LPKSHHRH"), make([]byte, 248)...)
	}
	return []byte(log)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
