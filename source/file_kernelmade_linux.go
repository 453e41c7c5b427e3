package source

import (
	"os"

	"golang.org/x/sys/unix"
)

// onKernelMadeFS reports whether f is on procfs or sysfs, whose regular
// files all say their size is 0 and are made as they are read.
func onKernelMadeFS(f *os.File) bool {
	magic, ok := fsMagic(f)
	return ok && (magic == unix.PROC_SUPER_MAGIC || magic == unix.SYSFS_MAGIC)
}

// fsMagic is the type of the file system f is on, as statfs says it.
func fsMagic(f *os.File) (int64, bool) {
	rc, err := f.SyscallConn()
	if err != nil {
		return 0, false
	}
	var st unix.Statfs_t
	var serr error
	// Control, not Fd: Fd would switch the descriptor to blocking mode.
	if err := rc.Control(func(fd uintptr) { serr = unix.Fstatfs(int(fd), &st) }); err != nil || serr != nil {
		return 0, false
	}
	return int64(st.Type), true
}
