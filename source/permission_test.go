package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestPermissionHintFitsTheUser: a permission error advises sudo or a
// group to a user; to root, whom they would not help, it says what can
// refuse even root.
func TestPermissionHintFitsTheUser(t *testing.T) {
	saved := effectiveUID
	t.Cleanup(func() { effectiveUID = saved })
	denied := &fs.PathError{Op: "open", Path: "/proc/1/environ", Err: syscall.EACCES}
	for _, c := range []struct {
		uid       int
		want, not string
	}{
		// /proc/1/environ is 0400: no group would help (see
		// TestPermissionHintFitsTheFile).
		{1000, "run with sudo: neither the group that owns /proc/1/environ nor other users may read it", "even root"},
		{0, "refuses even root", "sudo"},
	} {
		effectiveUID = func() int { return c.uid }
		msg := fmt.Sprint(explainOpenError("/proc/1/environ", denied))
		if !strings.Contains(msg, c.want) || strings.Contains(msg, c.not) {
			t.Errorf("uid %d: %q", c.uid, msg)
		}
	}
}

// TestPermissionHintFitsTheFile: joining the file's group helps only when
// that group may read it; a directory on the way that refuses the user is
// named, as no group of the file's would help there.
func TestPermissionHintFitsTheFile(t *testing.T) {
	savedUID, savedSearchable := effectiveUID, searchable
	t.Cleanup(func() { effectiveUID, searchable = savedUID, savedSearchable })
	effectiveUID = func() int { return 1000 }
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		path   string
		mode   os.FileMode
		refuse string // a directory searchable refuses
		want   string
	}{
		{"group may read", filepath.Join(dir, "group.log"), 0o640, "", "run with sudo or add your user to the group that owns"},
		{"owner only", filepath.Join(dir, "owner.log"), 0o600, "", "run with sudo: neither the group that owns"},
		{"nobody", filepath.Join(dir, "none.log"), 0o000, "", "run with sudo: neither the group that owns"},
		{"a directory refuses", filepath.Join(locked, "in.log"), 0o644, locked, "the directory " + locked + " does not let your user through: run with sudo (ls -ld " + locked + ")"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := os.WriteFile(c.path, []byte("x\n"), c.mode); err != nil {
				t.Fatal(err)
			}
			searchable = func(d string) bool { return d != c.refuse }
			denied := &fs.PathError{Op: "open", Path: c.path, Err: syscall.EACCES}
			if msg := fmt.Sprint(explainOpenError(c.path, denied)); !strings.Contains(msg, c.want) {
				t.Errorf("%q\nwant it to say %q", msg, c.want)
			}
		})
	}
}

// TestTooManyOpenFilesSaysWhatToDo: a glob over hundreds of followed files
// can reach the open-file limit; the error says to raise it.
func TestTooManyOpenFilesSaysWhatToDo(t *testing.T) {
	for _, errno := range []syscall.Errno{syscall.EMFILE, syscall.ENFILE} {
		err := explainOpenError("a.log", &fs.PathError{Op: "open", Path: "a.log", Err: errno})
		if !errors.Is(err, errno) || !strings.Contains(err.Error(), "raise the limit (ulimit -n") {
			t.Errorf("%v: %v", errno, err)
		}
	}
}
