package source

import (
	"os"

	"golang.org/x/sys/unix"
)

// openUnnamed creates a file in dir that has no name (O_TMPFILE), so that
// nothing is left behind whatever ends connlog. It reports false where the
// file system does not support it.
func openUnnamed(dir string) (*os.File, bool) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, false
	}
	return os.NewFile(uintptr(fd), dir+"/(connlog spill)"), true
}
