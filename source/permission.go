package source

import "os"

// effectiveUID is os.Geteuid; tests replace it.
var effectiveUID = os.Geteuid

// permissionHint says what to do about a file that refused to be read:
// a user may run with sudo or join the file's group, but root already has
// every right those give, and is refused by what checks more than the
// file's mode.
func permissionHint(path string) string {
	if effectiveUID() == 0 {
		return "the file refuses even root: a kernel-protected file (as under /proc), a security module " +
			"(AppArmor, SELinux) or a mount option decides, not the file's owner or group"
	}
	return "run with sudo or add your user to the group that owns " + path + " (ls -l " + path + ")"
}
