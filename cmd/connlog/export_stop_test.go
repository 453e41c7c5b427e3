package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportFollowStoppedWithinTheGraceWritesWhatIsOnDisk: `export -f
// app.log` is stopped by a signal right after a rotation, while it still
// reads the renamed-away file and the one that took its place waits its
// turn (source.FileOptions.Finish). Every line on disk is written, the
// renamed file's to its end first, and the export ends as a stop does.
func TestExportFollowStoppedWithinTheGraceWritesWhatIsOnDisk(t *testing.T) {
	renamed := func(t *testing.T, log string) { must(t, os.Rename(log, log+".1")) }
	removed := func(t *testing.T, log string) { must(t, os.Remove(log)) }
	cases := []struct {
		name    string
		replace func(t *testing.T, log string) // the rotation
		sig     syscall.Signal
		toFile  bool
	}{
		{"renamed, interrupted, to standard output", renamed, syscall.SIGINT, false},
		{"renamed, terminated, to a file", renamed, syscall.SIGTERM, true},
		{"removed, hung up, to standard output", removed, syscall.SIGHUP, false},
		{"removed, interrupted, to a file", removed, syscall.SIGINT, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			log, out := filepath.Join(dir, "app.log"), filepath.Join(dir, "out.log")
			args := []string{"export", "-f", "--format", "raw", "app.log"}
			if tc.toFile {
				args = append(args, "-o", out)
			}
			must(t, os.WriteFile(log, []byte(stampedLines("old", 1, 3)), 0o644))
			writer, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
			must(t, err)
			defer writer.Close()
			p := startConnlog(t, dir, args...)
			// The inputs are opened once to tell their format, before the
			// output; the rotation comes once they are read.
			if tc.toFile {
				p.waitOpen(t, "the output", func(name string) bool { return strings.HasPrefix(name, dir+"/") && name != log })
				p.waitHolds(t, log)
			} else {
				p.waitStdout(t, "old 3")
			}
			tc.replace(t, log)
			must(t, os.WriteFile(log, []byte(stampedLines("new", 6, 2)), 0o644))
			p.waitHolds(t, log)
			_, err = writer.WriteString(stampedLines("late", 4, 2)) // its writer has not moved yet
			must(t, err)
			must(t, p.cmd.Process.Signal(tc.sig))
			if code := p.wait(t); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, p.stderr.String())
			}
			got := p.stdout.String()
			if tc.toFile {
				b, _ := os.ReadFile(out)
				got = string(b)
			}
			want := stampedLines("old", 1, 3) + stampedLines("late", 4, 2) + stampedLines("new", 6, 2)
			if got != want || strings.Contains(p.stderr.String(), "gap") {
				t.Errorf("wrote %q, stderr %q; want %q and no gap", got, p.stderr.String(), want)
			}
		})
	}
}

// stampedLines is n service lines from second first on, each saying what
// and its number.
func stampedLines(what string, first, n int) string {
	var b strings.Builder
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, "2026-12-06T01:00:%02dZ [INFO] [connector] %s %d\n", i, what, i)
	}
	return b.String()
}
