package export

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"connlog/model"
)

// dirNames lists a directory, so that tests can show nothing was left.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// mountTmpfs mounts a tmpfs with opts on a fresh directory, when the test
// may (root in a namespace that allows mounts).
func mountTmpfs(t *testing.T, opts string) (string, bool) {
	dir := t.TempDir()
	if err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).Run(); err != nil {
		return dir, false
	}
	t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
	return dir, true
}

// failingTemp makes createTemp fail, or return files that fail, the way
// the file system would, for tests that cannot mount one.
func failingTemp(t *testing.T, create func(dir, pattern string) (tempFile, error)) {
	old := createTemp
	createTemp = create
	t.Cleanup(func() { createTemp = old })
}

// fullFile is a real temp file with room for only so many bytes.
type fullFile struct {
	*os.File
	room int
}

func (f *fullFile) Write(p []byte) (int, error) {
	if len(p) <= f.room {
		f.room -= len(p)
		return f.File.Write(p)
	}
	n, _ := f.File.Write(p[:f.room])
	f.room = 0
	return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

func diskWithRoom(room int) func(dir, pattern string) (tempFile, error) {
	return func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return &fullFile{File: f, room: room}, nil
	}
}

func bigEntries(n int) []*model.Entry {
	var out []*model.Entry
	line := strings.Repeat("[DEBUG] [libsdwan] padding the disk until it is full ", 20)
	for i := range n {
		e := textEntry(line)
		e.Seq = int64(i)
		e.Origin.Offset = int64(i * len(line))
		out = append(out, e)
	}
	return out
}

func TestExportWritesFileAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.ndjson")
	entries := mixedEntries()
	st, err := Export(t.Context(), path, Slice(entries), Options{Format: FormatNDJSON})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := encode(t, entries, Options{Format: FormatNDJSON}); !bytes.Equal(got, want) {
		t.Error("file differs from the streamed export")
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
	if st.Path != path || st.Bytes != int64(len(got)) || st.Entries != int64(len(entries)) {
		t.Errorf("stats = %+v", st)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("directory holds %v, want only the export", names)
	}
}

func TestExportRefusals(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string) string
		force   bool
		kind    error
		message string
	}{
		{"existing file without force", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "x.log")
			must(t, os.WriteFile(p, []byte("keep me"), 0o644))
			return p
		}, false, ErrExists, "already exists — choose another name, or replace it with --force"},
		{"path is a directory", func(t *testing.T, dir string) string {
			return dir
		}, true, ErrIsDirectory, "is a directory — give a file name inside it"},
		{"missing directory", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "nope", "x.log")
		}, false, ErrNoDirectory, "directory DIR/nope does not exist — create it or choose another path"},
		{"parent is a file", func(t *testing.T, dir string) string {
			must(t, os.WriteFile(filepath.Join(dir, "file"), nil, 0o644))
			return filepath.Join(dir, "file", "x.log")
		}, false, ErrNoDirectory, "DIR/file is not a directory — create the directory or choose another path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.setup(t, dir)
			before := dirNames(t, dir)
			_, err := Export(t.Context(), path, Slice(mixedEntries()), Options{Force: tt.force})
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error = %v, want %v", err, tt.kind)
			}
			if want := strings.ReplaceAll(tt.message, "DIR", dir); !strings.Contains(err.Error(), want) {
				t.Errorf("message %q does not say %q", err, want)
			}
			if after := dirNames(t, dir); strings.Join(after, ",") != strings.Join(before, ",") {
				t.Errorf("directory changed from %v to %v", before, after)
			}
		})
	}
}

func TestExportForceReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.log")
	must(t, os.WriteFile(path, []byte("old"), 0o644))
	if _, err := Export(t.Context(), path, Slice([]*model.Entry{textEntry("new")}), Options{Force: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("file = %q, want the new export", got)
	}
}

func TestCommitDoesNotReplaceAFileThatAppeared(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.log")
	f, err := CreateFile(path, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("export\n")); err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(path, []byte("someone else's"), 0o644))
	err = f.Commit()
	if !errors.Is(err, ErrExists) {
		t.Fatalf("Commit = %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "someone else's" {
		t.Errorf("the other file was replaced: %q", got)
	}
	wantSavedBeside(t, err, dir, "x-1.log", "export\n", "x-1.log", "x.log")
}

func TestExportReadOnlyDirectory(t *testing.T) {
	dir, mounted := mountTmpfs(t, "ro,size=64k")
	if !mounted {
		t.Log("no mount permission: simulating a read-only file system")
		failingTemp(t, func(string, string) (tempFile, error) { return nil, syscall.EROFS })
	}
	_, err := Export(t.Context(), filepath.Join(dir, "x.log"), Slice(mixedEntries()), Options{})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "read-only — choose another directory") {
		t.Fatalf("error = %v, want a read-only explanation", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("left %v", names)
	}
}

func TestExportPermissionDenied(t *testing.T) {
	// As root chmod stops nothing, so the refusal is injected.
	dir := t.TempDir()
	failingTemp(t, func(string, string) (tempFile, error) {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: syscall.EACCES}
	})
	_, err := Export(t.Context(), filepath.Join(dir, "x.log"), Slice(mixedEntries()), Options{})
	if !errors.Is(err, ErrPermission) || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("error = %v, want ErrPermission wrapping the cause", err)
	}
	if !strings.Contains(err.Error(), "permission denied — choose a directory you can write to") {
		t.Errorf("message %q does not say what to do", err)
	}
}

func TestExportDiskFull(t *testing.T) {
	for _, f := range []Format{FormatRaw, FormatBundle} {
		t.Run(f.String(), func(t *testing.T) {
			dir, mounted := mountTmpfs(t, "size=64k")
			if !mounted {
				t.Log("no mount permission: simulating a full disk")
				failingTemp(t, diskWithRoom(64<<10))
			}
			path := filepath.Join(dir, "x."+f.Ext())
			_, err := Export(t.Context(), path, Slice(bigEntries(2000)), Options{Format: f})
			if !errors.Is(err, ErrDiskFull) || !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("error = %v, want ErrDiskFull wrapping ENOSPC", err)
			}
			want := "disk full while writing " + path + ": nothing was written; free space or choose another directory"
			if err.Error() != want {
				t.Errorf("message = %q\nwant      %q", err, want)
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("left %v after a full disk", names)
			}
		})
	}
}

func TestAtomicFileRemovesTempOnDiskFullWithoutAbort(t *testing.T) {
	dir := t.TempDir()
	failingTemp(t, diskWithRoom(10))
	f, err := CreateFile(filepath.Join(dir, "x.log"), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(make([]byte, 100)); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("Write = %v, want ErrDiskFull", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("temp file kept after a full disk: %v", names)
	}
	if _, err := f.Write([]byte("x")); !errors.Is(err, ErrDiskFull) {
		t.Errorf("later Write = %v, want the same error", err)
	}
}

// cancelAfter yields entries and cancels the export's context after n.
func cancelAfter(entries []*model.Entry, n int, cancel context.CancelFunc) iter.Seq[*model.Entry] {
	return func(yield func(*model.Entry) bool) {
		for i, e := range entries {
			if i == n {
				cancel()
			}
			if !yield(e) {
				return
			}
		}
	}
}

func TestExportCancelledLeavesNothing(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			dir := t.TempDir()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			p := &Progress{}
			entries := bigEntries(1000)
			_, err := Export(ctx, filepath.Join(dir, "x"), cancelAfter(entries, 300, cancel), Options{Format: f, Progress: p})
			if !errors.Is(err, ErrCancelled) || !errors.Is(err, context.Canceled) {
				t.Fatalf("error = %v, want ErrCancelled and context.Canceled", err)
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("left %v after cancelling", names)
			}
			if got := p.Entries(); got < 300 || got >= int64(len(entries)) {
				t.Errorf("took %d entries, want it to stop soon after 300", got)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestExportLongFileName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, strings.Repeat("n", 250))
	if _, err := Export(t.Context(), path, Slice(mixedEntries()), Options{}); err != nil {
		t.Fatalf("a 250-byte name: %v", err)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("directory holds %v", names)
	}
}
