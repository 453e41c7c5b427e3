package export

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestForceReplacesOnlyTheFileThatWasThere: with force, the export
// replaces the file at its path when the export began, or takes the path
// if it is free; a file that took the path meanwhile (a log rotated to
// that name) is left as it is, the commit fails with ErrChanged and the
// export is kept beside it (wantSavedBeside). The
// unnamed temp file and the named one (file systems without O_TMPFILE)
// are checked alike.
func TestForceReplacesOnlyTheFileThatWasThere(t *testing.T) {
	rotateInto := func(t *testing.T, path string) {
		rotated := filepath.Join(filepath.Dir(path), "app.log")
		must(t, os.WriteFile(rotated, []byte("log data\n"), 0o644))
		must(t, os.Rename(rotated, path))
	}
	tests := []struct {
		name      string
		before    bool // a file is at the path when the export begins
		meanwhile func(t *testing.T, path string)
		want      string // what the path holds after the commit
		wantErr   error
	}{
		{"free, still free", false, func(*testing.T, string) {}, "export\n", nil},
		{"there, still there", true, func(*testing.T, string) {}, "export\n", nil},
		{"there, then removed", true, func(t *testing.T, p string) { must(t, os.Remove(p)) }, "export\n", nil},
		{"free, then a log rotated to it", false, rotateInto, "log data\n", ErrChanged},
		{"there, then a log rotated over it", true, rotateInto, "log data\n", ErrChanged},
	}
	for _, named := range []bool{false, true} {
		for _, tt := range tests {
			t.Run(tt.name+map[bool]string{true: ", named temp file"}[named], func(t *testing.T) {
				if named {
					failingTemp(t, func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) })
				}
				dir := t.TempDir()
				path := filepath.Join(dir, "out.log")
				if tt.before {
					must(t, os.WriteFile(path, []byte("old export\n"), 0o644))
				}
				f, err := CreateFile(path, true, nil)
				must(t, err)
				if _, err := f.Write([]byte("export\n")); err != nil {
					t.Fatal(err)
				}
				tt.meanwhile(t, path)
				err = f.Commit()
				if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
					t.Errorf("Commit = %v, want %v", err, tt.wantErr)
				}
				if got, _ := os.ReadFile(path); string(got) != tt.want {
					t.Errorf("the path holds %q, want %q", got, tt.want)
				}
				if tt.wantErr != nil {
					wantSavedBeside(t, err, dir, "out-1.log", "export\n", "out-1.log", "out.log")
				} else if names := dirNames(t, dir); !slices.Equal(names, []string{"out.log"}) {
					t.Errorf("directory holds %v, want only out.log", names)
				}
			})
		}
	}
}

// TestForceReplacesOnlyTheFileThereWhenClaimed: a command reads its inputs
// before it creates its output, and a log may rotate to the output's name
// in between. The file at the path when the path was claimed is the one
// force may replace, not the one there when the output was created.
func TestForceReplacesOnlyTheFileThereWhenClaimed(t *testing.T) {
	for _, before := range []bool{false, true} {
		t.Run(map[bool]string{false: "free when claimed", true: "a file there when claimed"}[before], func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.log")
			if before {
				must(t, os.WriteFile(path, []byte("old export\n"), 0o644))
			}
			claim := ClaimPath(path)
			rotated := filepath.Join(dir, "app.log")
			must(t, os.WriteFile(rotated, []byte("log data\n"), 0o644))
			must(t, os.Rename(rotated, path))
			f, err := claim.Create(true, nil)
			must(t, err)
			if _, err := f.Write([]byte("export\n")); err != nil {
				t.Fatal(err)
			}
			if err := f.Commit(); !errors.Is(err, ErrChanged) {
				t.Errorf("Commit = %v, want %v", err, ErrChanged)
			}
			if got, _ := os.ReadFile(path); string(got) != "log data\n" {
				t.Errorf("the path holds %q, want the rotated log", got)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "out-1.log")); string(got) != "export\n" {
				t.Errorf("out-1.log holds %q, want the export", got)
			}
		})
	}
}
