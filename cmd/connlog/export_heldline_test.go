package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExportFollowWritesALinePausedMidwayWhole: a block-buffered writer
// (stdio to a file, at a low line rate) writes a line's first bytes, and
// its newline more than the quiet time (a second) later. `export -f`
// cannot take back what it wrote: it writes the line once, whole, as a
// read of the finished file does, never its first part as a line of its
// own. Stopped while a line is unfinished, it writes that line too.
func TestExportFollowWritesALinePausedMidwayWhole(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "app.log")
	first := "2026-12-05T10:00:00.000Z [INFO] [connector] started\n"
	head := `2026-12-05T10:00:01.100Z ANALYTICS {"event_type":"closed_connection","timestamp":1796464801100,"connection":{"id":"L1","rx":`
	rest := "5000000}}\n"
	next := "2026-12-05T10:00:02.000Z [INFO] [connector] next\n"
	unfinished := "2026-12-05T10:00:03.000Z [INFO] [connector] never fini"
	must(t, os.WriteFile(log, []byte(first), 0o644))
	writer, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	must(t, err)
	defer writer.Close()
	write := func(s string) {
		_, err := writer.WriteString(s)
		must(t, err)
	}
	p := startConnlog(t, dir, "export", "-f", "--format", "raw", "app.log")
	p.waitStdout(t, "started")
	write(head)
	time.Sleep(1500 * time.Millisecond) // past the quiet time
	write(rest + next)
	p.waitStdout(t, "next")
	write(unfinished)
	time.Sleep(1500 * time.Millisecond)
	if got := p.stdout.String(); strings.Contains(got, "never") {
		t.Fatalf("the unfinished line was written before the stop: %q", got)
	}
	must(t, p.cmd.Process.Signal(syscall.SIGINT))
	if code := p.wait(t); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, p.stderr.String())
	}
	// The stop writes the unfinished line as it stands, with a newline:
	// its writer may be writing it still.
	want := first + head + rest + next + unfinished + "\n"
	if got := p.stdout.String(); got != want {
		t.Errorf("wrote\n%q\nwant\n%q", got, want)
	}
}
