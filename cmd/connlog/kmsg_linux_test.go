package main

import (
	"strings"
	"testing"

	"connlog/source"
)

// TestKernelMessageBufferRefused: /proc/kmsg is refused before anything
// is read from it, by export and summary alike, with what to use instead.
func TestKernelMessageBufferRefused(t *testing.T) {
	if _, err := source.ExpandInputs([]string{"/proc/kmsg"}, false); err == nil {
		// Reading on would take the kernel's messages from this machine's
		// logger, and wait for the next one.
		t.Fatal("/proc/kmsg is not refused")
	}
	for _, cmd := range []string{"export", "summary"} {
		out, errOut, code := runCLI(t, cmd, "/proc/kmsg")
		if code != 2 || out != "" || !strings.Contains(errOut, "/proc/kmsg is the kernel's message buffer") ||
			!strings.Contains(errOut, "connlog -t kernel (or journalctl -k, dmesg)") {
			t.Errorf("%s /proc/kmsg: exit %d, stdout %q, stderr %q", cmd, code, out, errOut)
		}
	}
}
