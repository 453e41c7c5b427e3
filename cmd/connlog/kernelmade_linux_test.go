package main

import (
	"strings"
	"testing"
)

// TestKernelMadeFiles: the files of /proc say their size is 0 whatever
// they hold; summary and export read them to their end, and one that
// cannot be read fails with why, never as "0 entries".
func TestKernelMadeFiles(t *testing.T) {
	if s := summaryOf(t, "/proc/uptime"); s.Entries != 1 {
		t.Errorf("summary of /proc/uptime: %d entries", s.Entries)
	}
	out, errOut, code := runCLI(t, "export", "--format", "raw", "/proc/self/status")
	if code != 0 || !strings.HasPrefix(out, "Name:\t") {
		t.Errorf("export /proc/self/status: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, cmd := range []string{"export", "summary"} {
		out, errOut, code = runCLI(t, cmd, "/proc/self/mem")
		if code != 1 || !strings.Contains(errOut, "read /proc/self/mem: input/output error — its size says 0") {
			t.Errorf("%s /proc/self/mem: exit %d, stdout %q, stderr %q", cmd, code, out, errOut)
		}
	}
}
