package export

import (
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// heldOpenForReading lists the regular files this process has open for
// reading, as the descriptors see them (a renamed or deleted file too).
// Files opened for writing only (a debug log) are not inputs.
func heldOpenForReading() []fs.FileInfo {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return nil
	}
	var out []fs.FileInfo
	for _, fd := range fds {
		fi, err := os.Stat("/proc/self/fd/" + fd.Name())
		if err != nil || !fi.Mode().IsRegular() || !readable(fd.Name()) {
			continue
		}
		out = append(out, fi)
	}
	return out
}

// readable reports whether descriptor fd was opened for reading, from the
// flags /proc/self/fdinfo gives it (octal).
func readable(fd string) bool {
	info, err := os.ReadFile("/proc/self/fdinfo/" + fd)
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(line, "flags:"); ok {
			flags, err := strconv.ParseUint(strings.TrimSpace(v), 8, 64)
			return err == nil && flags&syscall.O_ACCMODE != syscall.O_WRONLY
		}
	}
	return false
}
