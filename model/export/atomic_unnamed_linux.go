package export

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// unnamedFile is an O_TMPFILE file: it has no name until linkTo, so a
// process killed before then (even by SIGKILL) leaves nothing on disk.
type unnamedFile struct{ *os.File }

// createUnnamed makes an unnamed 0600 file in dir. ok is false where the
// file system or the kernel has no O_TMPFILE, or where /proc is missing and
// the file could not be given a name later; the caller then uses a named
// temp file.
func createUnnamed(dir string) (tempFile, bool) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		return nil, false
	}
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, false
	}
	return unnamedFile{os.NewFile(uintptr(fd), filepath.Join(dir, "(unnamed export)"))}, true
}

// linkTo gives the file the name path; it fails with EEXIST rather than
// replace anything there.
func (u unnamedFile) linkTo(path string) error {
	proc := "/proc/self/fd/" + strconv.Itoa(int(u.Fd()))
	if err := unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, path, unix.AT_SYMLINK_FOLLOW); err != nil {
		return &os.LinkError{Op: "link", Old: u.Name(), New: path, Err: err}
	}
	return nil
}

// hiddenName returns an unused hidden name beside path, for a file that is
// renamed over path at once.
func hiddenName(path string) (string, error) {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	dir, base := filepath.Split(path)
	return filepath.Join(dir, tempPattern(base)[:len(tempPattern(base))-1]+hex.EncodeToString(b[:])), nil
}
