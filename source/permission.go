package source

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// effectiveUID is os.Geteuid; tests replace it.
var effectiveUID = os.Geteuid

// searchable reports whether this process may pass through the directory
// dir; tests replace it.
var searchable = func(dir string) bool { return unix.Access(dir, unix.X_OK) == nil }

// permissionHint says what to do about a file that refused to be read. A
// user may run with sudo, or join the file's group when that group may
// read it; root already has every right those give, and is refused by what
// checks more than the file's mode.
func permissionHint(path string) string {
	if effectiveUID() == 0 {
		return "the file refuses even root: a kernel-protected file (as under /proc), a security module " +
			"(AppArmor, SELinux) or a mount option decides, not the file's owner or group"
	}
	if dir := refusingDirectory(path); dir != "" {
		return "the directory " + dir + " does not let your user through: run with sudo (ls -ld " + dir + ")"
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o040 == 0 {
		return "run with sudo: neither the group that owns " + path + " nor other users may read it (ls -l " + path + ")"
	}
	return "run with sudo or add your user to the group that owns " + path + " (ls -l " + path + ")"
}

// refusingDirectory returns the first directory on the way to path, from
// the root down, that this process may not pass through; "" when none.
func refusingDirectory(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	var dirs []string
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == filepath.Dir(d) {
			break
		}
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if !searchable(dirs[i]) {
			return dirs[i]
		}
	}
	return ""
}
