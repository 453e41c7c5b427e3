//go:build !linux

package source

import "os"

// onKernelMadeFS knows the file systems of Linux only; elsewhere a file
// made as it is read is told by reading it (see madeWhenRead).
func onKernelMadeFS(*os.File) bool { return false }
