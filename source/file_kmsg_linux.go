package source

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// isKernelMessageBuffer reports whether path names /proc/kmsg, through a
// link or another mount of procfs: a read of it takes the kernel's
// messages away from the system logger, and waits while there are none.
// It is only looked at, never opened.
func isKernelMessageBuffer(path string) bool {
	real, err := filepath.EvalSymlinks(path)
	if err != nil || filepath.Base(real) != "kmsg" {
		return false
	}
	var st unix.Statfs_t
	return unix.Statfs(real, &st) == nil && int64(st.Type) == unix.PROC_SUPER_MAGIC
}
