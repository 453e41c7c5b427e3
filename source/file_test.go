package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"connlog/model"
)

func TestFileReadsToEnd(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []string
	}{
		{"plain lines", "one\ntwo\nthree\n", []string{"one", "two", "three"}},
		{"carriage returns stay", "one\r\ntwo\r\n", []string{"one\r", "two\r"}},
		{"last line without newline", "one\ntwo", []string{"one", "two"}},
		{"empty lines", "\n\nx\n\n", []string{"", "", "x", ""}},
		{"hostile bytes", "nul\x00byte\n\xff\xfe invalid utf-8\n\x1b[31mred\n", []string{"nul\x00byte", "\xff\xfe invalid utf-8", "\x1b[31mred"}},
		{"empty file", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := logPath(t)
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			src := NewFile(path, 7, FileOptions{})
			r := start(t, src)
			if err := r.finish(); err != nil {
				t.Fatalf("Run: %v", err)
			}
			equalLines(t, lineTexts(r.got), tc.want)
			// Offsets point at each line's first byte and re-read exactly.
			var off int64
			for i, rec := range r.got {
				if rec.Source != 7 || rec.Offset != off || rec.Received.IsZero() {
					t.Fatalf("record %d: source %d offset %d received %v, want source 7 offset %d", i, rec.Source, rec.Offset, rec.Received, off)
				}
				raw, err := src.ReadRaw(rec.Offset, len(rec.Raw), nil)
				if err != nil || string(raw) != string(rec.Raw) {
					t.Fatalf("ReadRaw(%d): %q, %v; want %q", rec.Offset, raw, err, rec.Raw)
				}
				off += int64(len(rec.Raw)) + 1
			}
			checkLastLineNote(t, tc.content, r.got)
			if got := src.State(); got != "read to the end" {
				t.Errorf("State() = %q", got)
			}
		})
	}
}

// checkLastLineNote fails unless the records of an input read to its end
// note NoteLastLine on the last exactly when the input did not end with a
// newline, and nothing on the others.
func checkLastLineNote(t *testing.T, content string, recs []model.Record) {
	t.Helper()
	for i, rec := range recs {
		want := ""
		if i == len(recs)-1 && !strings.HasSuffix(content, "\n") {
			want = NoteLastLine
		}
		if rec.Note != want {
			t.Errorf("record %d (%q): note %q, want %q", i, rec.Raw, rec.Note, want)
		}
	}
}

func TestFileOpenErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		path   string
		follow bool
		want   string
		is     error
	}{
		{"missing without follow", filepath.Join(dir, "nope.log"), false, "open " + filepath.Join(dir, "nope.log") + ": no such file or directory — check the path", fs.ErrNotExist},
		{"directory", dir, false, dir + " is a directory", errIsDirectory},
		{"directory while following", dir, true, dir + " is a directory", errIsDirectory},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := start(t, NewFile(tc.path, 1, FileOptions{Follow: tc.follow}))
			err := r.finish()
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || !errors.Is(err, tc.is) {
				t.Fatalf("Run = %v, want an error starting %q", err, tc.want)
			}
			if len(r.got) != 0 {
				t.Fatalf("got records: %s", describe(r.got))
			}
		})
	}
}

// deniedOpen makes every open of path fail as an unreadable file does for a
// user without the right group; root cannot otherwise see this error.
func deniedOpen(path string) func(string) (*os.File, error) {
	return func(name string) (*os.File, error) {
		if name == path {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return os.Open(name)
	}
}

func TestFilePermissionDenied(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.log")
	other := filepath.Join(dir, "other.log")
	if err := os.WriteFile(secret, []byte("hidden\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("visible\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := FileOptions{Follow: true}
	if os.Geteuid() == 0 {
		// Mode 000 does not stop root: fail the open the way the kernel
		// would for anyone else, and be anyone else for the hint.
		opts.Open = deniedOpen(secret)
		saved := effectiveUID
		effectiveUID = func() int { return 1000 }
		t.Cleanup(func() { effectiveUID = saved })
	}
	denied := start(t, NewFile(secret, 1, opts))
	fine := start(t, NewFile(other, 2, opts))

	err := denied.finish()
	// Mode 000: the file's group may not read it either.
	want := "open " + secret + ": permission denied — run with sudo: neither the group that owns " + secret + " nor other users may read it (ls -l " + secret + ")"
	if err == nil || err.Error() != want || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("Run = %v\nwant %s", err, want)
	}
	// The other file is read regardless.
	equalLines(t, lineTexts(fine.waitLines(1)), []string{"visible"})
}

func TestFileRecoversFromDeniedNewFile(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "first\n")
	// After rotation the new file cannot be opened for a while (a rotation
	// that creates it with the wrong owner, fixed a moment later).
	var deny atomic.Bool
	open := func(name string) (*os.File, error) {
		if deny.Load() {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return os.Open(name)
	}
	src := NewFile(path, 1, FileOptions{Follow: true, Open: open})
	r := start(t, src)
	r.waitLines(1)
	deny.Store(true)
	rotateByRename(t, path, "second\n")
	waitFor(t, "a permission error in the state", func() bool { return strings.Contains(src.State(), "permission denied") })
	deny.Store(false)
	equalLines(t, lineTexts(r.waitLines(2)), []string{"first", "second"})
}

func TestFileNamesAndState(t *testing.T) {
	f := NewFile("/var/log/x.log", 3, FileOptions{})
	if f.Name() != "/var/log/x.log" || f.State() != "not started" {
		t.Fatalf("Name %q State %q", f.Name(), f.State())
	}
	var _ model.RawReader = f
	var _ Source = f
	var _ Source = NewStdin(strings.NewReader(""), 1)
}
