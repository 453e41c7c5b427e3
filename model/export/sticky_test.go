package export

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A replacement refused in a sticky directory, of a file that belongs to
// another user, says so rather than "permission denied — choose a
// directory you can write to": the directory is writable. Refused
// anywhere else, or for the user's own file, it is not explained so.
func TestNotOwnerInStickyDirectory(t *testing.T) {
	sticky := t.TempDir()
	must(t, os.Chmod(sticky, 0o777|os.ModeSticky))
	plain := t.TempDir()
	for _, dir := range []string{sticky, plain} {
		must(t, os.WriteFile(filepath.Join(dir, "r.csv"), []byte("x"), 0o644))
	}
	owner := uint32(os.Geteuid())
	other := owner + 1
	path := filepath.Join(sticky, "r.csv")
	err := notOwner(path, &os.LinkError{Op: "rename", Err: syscall.EPERM}, other)
	if !errors.Is(err, ErrNotOwner) || !errors.Is(err, syscall.EPERM) {
		t.Fatalf("error %v; want ErrNotOwner wrapping EPERM", err)
	}
	if want := path + " belongs to another user, in a sticky directory"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q; want it to begin %q", err, want)
	}
	kept := keepElsewhere(path, err, func(string) error { return nil })
	if msg := kept.Error(); !strings.HasPrefix(msg, path+" belongs to another user") || strings.Contains(msg, "choose a directory you can write to") {
		t.Errorf("saved elsewhere, the message says %q", msg)
	}
	for name, e := range map[string]error{
		"own file":      notOwner(path, syscall.EPERM, owner),
		"plain dir":     notOwner(filepath.Join(plain, "r.csv"), syscall.EPERM, other),
		"another cause": notOwner(path, syscall.EIO, other),
	} {
		if e != nil {
			t.Errorf("%s: %v; want no sticky explanation", name, e)
		}
	}
}
