package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestFIFOInputYieldsToSignals: `mkfifo p; connlog export p` waits for a
// writer, as cat does, but SIGINT and SIGTERM end the wait.
func TestFIFOInputYieldsToSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		if err := unix.Mkfifo(filepath.Join(dir, "p"), 0o600); err != nil {
			t.Fatal(err)
		}
		p := startConnlog(t, dir, "export", "p")
		p.waitOpenIn(t, dir) // the FIFO is opened without waiting, then polled for a writer
		if err := p.cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		if code := p.wait(t); code != 1 || !strings.Contains(p.stderr.String(), "interrupted") {
			t.Errorf("%v: exit %d, stderr %q", sig, code, p.stderr.String())
		}
	}
}

// TestFIFOInputIsReadAsAStream: a FIFO with a writer is read to its end.
func TestFIFOInputIsReadAsAStream(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p")
	if err := unix.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	p := startConnlog(t, dir, "export", "--format", "raw", "p")
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	lines := "one\ntwo\n"
	_, _ = w.WriteString(lines)
	w.Close()
	if code := p.wait(t); code != 0 || p.stdout.String() != lines {
		t.Errorf("exit %d, stdout %q, stderr %q", code, p.stdout.String(), p.stderr.String())
	}
}

// TestFollowedFileReplacedByFIFO: export -f keeps following when the file
// is replaced by a FIFO (which it does not open), and SIGTERM ends it.
func TestFollowedFileReplacedByFIFO(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "app.log")
	if err := os.WriteFile(log, []byte("first\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := startConnlog(t, dir, "export", "-f", "--format", "raw", "app.log")
	// Read, not only opened: the check for the journal export format opens
	// the file for a moment before it is followed.
	p.waitStdout(t, "first\n")
	if err := os.Remove(log); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mkfifo(log, 0o600); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // a few polls: the new file at the path is looked at
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := p.wait(t); code != 0 || p.stdout.String() != "first\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, p.stdout.String(), p.stderr.String())
	}
}
