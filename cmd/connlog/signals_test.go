package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSignalsLeaveNoTempFile interrupts a running export to a file, as an
// SSH drop (SIGHUP), a service manager (SIGTERM), ^C (SIGINT) and the OOM
// killer (SIGKILL) do, and a SIGQUIT: the output directory must be left empty, and every
// signal but SIGKILL must end the export cleanly with a message.
func TestSignalsLeaveNoTempFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.log")
			p := startConnlog(t, dir, "export", "--format", "raw", "-o", out, "-")
			// Lines arrive and stay pending: the export is mid-way.
			if _, err := p.stdin.Write([]byte(strings.Repeat("2026-11-20T10:00:00Z [INFO] line\n", 5000))); err != nil {
				t.Fatal(err)
			}
			p.waitOpenIn(t, dir)
			if err := p.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code := p.wait(t)
			ents, _ := os.ReadDir(dir)
			if len(ents) != 0 {
				t.Errorf("left behind: %v", ents)
			}
			if sig == syscall.SIGKILL {
				return
			}
			if code != 1 || !strings.Contains(p.stderr.String(), "interrupted: nothing was written to "+out) {
				t.Errorf("exit %d, stderr %q; want 1 and a message", code, p.stderr.String())
			}
		})
	}
}
