package export

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportNeverReplacesAnInput writes over one of the export's own
// inputs, by every name a file can have, with and without force: the
// input must be left as it was, with nothing beside it, and the message
// must say what to do.
func TestExportNeverReplacesAnInput(t *testing.T) {
	tests := []struct {
		name  string
		other func(t *testing.T, input string) string // another name for the input
	}{
		{"its own path", func(_ *testing.T, input string) string { return input }},
		{"a hard link to it", func(t *testing.T, input string) string {
			p := filepath.Join(filepath.Dir(input), "link.log")
			must(t, os.Link(input, p))
			return p
		}},
		{"a symbolic link to it", func(t *testing.T, input string) string {
			p := filepath.Join(filepath.Dir(input), "sym.log")
			must(t, os.Symlink(input, p))
			return p
		}},
		{"a relative path", func(t *testing.T, input string) string {
			t.Chdir(filepath.Dir(input))
			return "./" + filepath.Base(input)
		}},
	}
	for _, tt := range tests {
		for _, force := range []bool{false, true} {
			t.Run(tt.name+forceName(force), func(t *testing.T) {
				dir := t.TempDir()
				input := filepath.Join(dir, "same.log")
				must(t, os.WriteFile(input, []byte("the log\n"), 0o644))
				path := tt.other(t, input)
				before := dirNames(t, dir)
				_, err := Export(t.Context(), path, Slice(mixedEntries()), Options{Force: force, Inputs: []string{input}})
				if !errors.Is(err, ErrIsInput) {
					t.Fatalf("error = %v, want ErrIsInput", err)
				}
				if want := path + " is one of the inputs being read — choose another path"; err.Error() != want {
					t.Errorf("message %q, want %q", err, want)
				}
				if got, _ := os.ReadFile(input); string(got) != "the log\n" {
					t.Errorf("the input now holds %q", got)
				}
				if after := dirNames(t, dir); strings.Join(after, ",") != strings.Join(before, ",") {
					t.Errorf("directory changed from %v to %v", before, after)
				}
			})
		}
	}
}

func forceName(force bool) string {
	if force {
		return ", forced"
	}
	return ""
}

// TestExportReplacesAFileHeldOpenForWriting: a file connlog writes (its
// debug log) is not an input; force replaces it as any other file.
func TestExportReplacesAFileHeldOpenForWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "debug.log")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o600)
	must(t, err)
	defer f.Close()
	if _, err := Export(t.Context(), path, Slice(mixedEntries()), Options{Force: true}); err != nil {
		t.Fatal(err)
	}
}
