package main

import (
	"strings"
	"testing"
)

// TestExportWindowCountsAnUnreadSibling: a file of the inputs that could
// not be read is a loss whatever --since and --until say: its lines'
// times are unknown. --fail-on-loss fails, naming the file, why, and what
// to do.
func TestExportWindowCountsAnUnreadSibling(t *testing.T) {
	live := unreadSiblingLog(t)
	for _, window := range [][]string{
		{"--since", "2026-12-02", "--until", "2026-12-06"}, // the log's own days
		{"--since", "2026-12-04", "--until", "2026-12-06"}, // days after the unread file's
	} {
		t.Run(strings.Join(window, " "), func(t *testing.T) {
			args := append([]string{"export", "--with-rotated", "--utc"}, window...)
			_, stderr, code := runCLI(t, append(args, live)...)
			if code != 0 || !strings.Contains(stderr, "app.log.3.lzma") {
				t.Errorf("exit %d, stderr %q; want 0 and a warning naming app.log.3.lzma", code, stderr)
			}
			_, stderr, code = runCLI(t, append(append(args, "--fail-on-loss"), live)...)
			for _, want := range []string{"app.log.3.lzma", "lzma", "xz -dc", "--fail-on-loss"} {
				if code != 3 || !strings.Contains(stderr, want) {
					t.Errorf("--fail-on-loss: exit %d, stderr %q; want 3 and %q", code, stderr, want)
				}
			}
		})
	}
}

// TestSummaryWindowCountsAnUnreadSibling: a summary counts a file nothing
// of which was read as an export does, whatever its window.
func TestSummaryWindowCountsAnUnreadSibling(t *testing.T) {
	live := unreadSiblingLog(t)
	_, stderr, code := runCLI(t, "summary", "--with-rotated", "--utc", "--since", "2026-12-04", "--fail-on-loss", live)
	if code != 3 || !strings.Contains(stderr, "app.log.3.lzma") || !strings.Contains(stderr, "xz -dc") {
		t.Errorf("exit %d, stderr %q; want 3, naming app.log.3.lzma and what reads it", code, stderr)
	}
}
