//go:build unix

package source

import (
	"os"
	"syscall"
)

// fileID is a file's device and inode.
type fileID struct{ dev, ino uint64 }

// identify returns the identity of the file path reaches now, following
// links; ok is false when there is none.
func identify(path string) (fileID, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileID{}, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}
