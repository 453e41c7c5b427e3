//go:build unix

package ui

import (
	"io/fs"
	"syscall"
)

// ownerOf returns the user id that owns fi's file.
func ownerOf(fi fs.FileInfo) (uint32, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return st.Uid, true
}
