package export

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"connlog/model"
)

// specialTargets makes one path of each kind that must never be replaced:
// a symbolic link to a regular file (as /dev/stdout is a link), a FIFO, a
// socket and, when the test may create device nodes, a character device
// like /dev/null.
func specialTargets(t *testing.T, dir string) map[string]string {
	t.Helper()
	victim := filepath.Join(dir, "victim")
	must(t, os.WriteFile(victim, []byte("keep me"), 0o644))
	out := map[string]string{"symbolic link": filepath.Join(dir, "link")}
	must(t, os.Symlink(victim, out["symbolic link"]))
	out["named pipe"] = filepath.Join(dir, "fifo")
	must(t, unix.Mkfifo(out["named pipe"], 0o600))
	out["socket"] = filepath.Join(dir, "sock")
	l, err := net.Listen("unix", out["socket"])
	must(t, err)
	t.Cleanup(func() { l.Close() })
	out["directory"] = filepath.Join(dir, "subdir")
	must(t, os.Mkdir(out["directory"], 0o755))
	dev := filepath.Join(dir, "null")
	if err := unix.Mknod(dev, unix.S_IFCHR|0o666, int(unix.Mkdev(1, 3))); err == nil {
		out["character device"] = dev
	} else {
		t.Logf("cannot create a device node here (%v): the device case is not covered", err)
	}
	return out
}

func TestForceNeverReplacesAnythingButARegularFile(t *testing.T) {
	dir := t.TempDir()
	for what, path := range specialTargets(t, dir) {
		before, _ := os.Lstat(path)
		for _, force := range []bool{false, true} {
			_, err := Export(t.Context(), path, Slice([]*model.Entry{textEntry("x")}), Options{Force: force})
			wantKind := ErrNotRegular
			if what == "directory" {
				wantKind = ErrIsDirectory
			}
			if !errors.Is(err, wantKind) {
				t.Errorf("%s, force=%v: err = %v, want %v", what, force, err, wantKind)
				continue
			}
			if what != "directory" && (!strings.Contains(err.Error(), what) || !strings.Contains(err.Error(), "choose another path")) {
				t.Errorf("%s: message %q does not say what it is and what to do", what, err)
			}
			after, lerr := os.Lstat(path)
			if lerr != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
				t.Errorf("%s, force=%v: the path was replaced (%v)", what, force, after.Mode())
			}
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "victim")); string(got) != "keep me" {
		t.Errorf("written through the link: %q", got)
	}
}

// TestForceChecksAgainAtReplaceTime puts a FIFO where the regular file was
// while the export is written: the rename must not replace it.
func TestForceChecksAgainAtReplaceTime(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.log")
	must(t, os.WriteFile(path, []byte("old"), 0o644))
	f, err := CreateFile(path, true, nil)
	must(t, err)
	if _, err := f.Write([]byte("export\n")); err != nil {
		t.Fatal(err)
	}
	must(t, os.Remove(path))
	must(t, unix.Mkfifo(path, 0o600))
	err = f.Commit()
	if !errors.Is(err, ErrNotRegular) {
		t.Fatalf("Commit = %v, want ErrNotRegular", err)
	}
	if info, _ := os.Lstat(path); info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced by %v", info.Mode())
	}
	wantSavedBeside(t, err, dir, "out-1.log", "export\n", "out-1.log", "out.log")
}

// TestTempFileHasNoName checks that an export being written has no name
// in the directory: a process killed at that moment leaves nothing.
func TestTempFileHasNoName(t *testing.T) {
	dir := t.TempDir()
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR, 0o600)
	if err != nil {
		t.Fatalf("the test directory's file system has no O_TMPFILE (%v): this test needs one that has", err)
	}
	unix.Close(fd)
	// The second round replaces the file the first one wrote.
	for round, force := range []bool{false, true} {
		path := filepath.Join(dir, "out.log")
		f, err := CreateFile(path, force, nil)
		must(t, err)
		if _, err := f.Write([]byte("export\n")); err != nil {
			t.Fatal(err)
		}
		if names := dirNames(t, dir); len(names) != round {
			t.Fatalf("force=%v: while writing the directory holds %v", force, names)
		}
		must(t, f.Commit())
		if got, _ := os.ReadFile(path); string(got) != "export\n" {
			t.Errorf("force=%v: file = %q", force, got)
		}
		info, _ := os.Stat(path)
		if info.Mode().Perm() != 0o600 {
			t.Errorf("mode = %v, want 0600", info.Mode().Perm())
		}
		if names := dirNames(t, dir); len(names) != 1 {
			t.Errorf("force=%v: directory holds %v", force, names)
		}
	}
	// Without force, a file that appeared meanwhile is kept.
	path := filepath.Join(dir, "out.log")
	must(t, os.Remove(path))
	f, err := CreateFile(path+".2", false, nil)
	must(t, err)
	must(t, os.WriteFile(path+".2", []byte("theirs"), 0o644))
	if err := f.Commit(); !errors.Is(err, ErrExists) || errors.Is(err, syscall.ENOENT) {
		t.Errorf("Commit over a file that appeared = %v, want ErrExists", err)
	}
}
