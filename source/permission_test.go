package source

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// TestPermissionHintFitsTheUser: a permission error advises sudo or a
// group to a user; to root, whom they would not help, it says what can
// refuse even root.
func TestPermissionHintFitsTheUser(t *testing.T) {
	saved := effectiveUID
	t.Cleanup(func() { effectiveUID = saved })
	denied := &fs.PathError{Op: "open", Path: "/proc/1/environ", Err: syscall.EACCES}
	for _, c := range []struct {
		uid       int
		want, not string
	}{
		{1000, "run with sudo or add your user to the group that owns /proc/1/environ", "even root"},
		{0, "refuses even root", "sudo"},
	} {
		effectiveUID = func() int { return c.uid }
		msg := fmt.Sprint(explainOpenError("/proc/1/environ", denied))
		if !strings.Contains(msg, c.want) || strings.Contains(msg, c.not) {
			t.Errorf("uid %d: %q", c.uid, msg)
		}
	}
}
