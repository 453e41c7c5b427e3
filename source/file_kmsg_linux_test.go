package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKernelMessageBufferRefused: /proc/kmsg, however named, is refused
// before it is opened, with where to read the kernel's messages instead;
// a file of that name elsewhere is an ordinary input.
func TestKernelMessageBufferRefused(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "kernel.log")
	if err := os.Symlink("/proc/kmsg", link); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"/proc/kmsg", "/proc/self/../kmsg", "/proc/kms?", link} {
		_, err := ExpandInputs([]string{arg}, false)
		if err == nil || !strings.Contains(err.Error(), "is the kernel's message buffer") ||
			!strings.Contains(err.Error(), "connlog -t kernel (or journalctl -k, dmesg)") {
			t.Errorf("%s: %v", arg, err)
		}
	}
	plain := filepath.Join(dir, "kmsg")
	writeFile(t, plain, []byte("line\n"))
	if _, err := ExpandInputs([]string{plain}, false); err != nil {
		t.Errorf("%s: %v", plain, err)
	}
}
