//go:build unix

package journalfile

import (
	"fmt"
	"os"
	"syscall"
)

// keyOf identifies the regular file at p by device and inode.
func keyOf(p string) (fileKey, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return fileKey{}, err
	}
	if !fi.Mode().IsRegular() {
		return fileKey{}, fmt.Errorf("%s is not a regular file", p)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, nil
	}
	return fileKey{uint64(st.Dev), uint64(st.Ino)}, nil
}

// linkCount is the number of names a file has; 0 once it is deleted.
func linkCount(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
