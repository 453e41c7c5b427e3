package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"

	"connlog/ui/theme"
)

// TestInterruptedExportToStdoutSaysItWasCutShort: what an export wrote to
// standard output before a signal cannot be taken back, so the message
// must not say nothing was written; the output ends on a whole record and
// a compressed stream is closed. A bundle, archived only at the end, and
// an export that had no entry yet have written nothing, and say so.
func TestInterruptedExportToStdoutSaysItWasCutShort(t *testing.T) {
	for _, c := range []struct {
		name  string
		args  []string
		lines int
	}{{"raw", []string{"--format", "raw"}, 5000}, {"gzip", []string{"--format", "raw", "--compress", "gzip"}, 5000},
		{"bundle", []string{"--format", "bundle"}, 5000}, {"no entry yet", []string{"--format", "raw"}, 0}} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			debugLog := filepath.Join(dir, "debug.log")
			p := startConnlog(t, dir, append(append([]string{"export", "--debug-log", debugLog}, c.args...), "-")...)
			// Lines arrive and stay pending: the export is mid-way.
			if _, err := p.stdin.Write([]byte(strings.Repeat("2026-11-20T10:00:00Z [INFO] line\n", c.lines))); err != nil {
				t.Fatal(err)
			}
			written := c.name != "bundle" && c.lines > 0
			if written {
				waitSomeStdout(t, p)
			} else {
				// There is no output to wait for: the export's first line in
				// the debug log says it runs, its signals caught.
				waitFileHolds(t, debugLog, "export:")
			}
			if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			code := p.wait(t)
			out := []byte(p.stdout.String())
			if c.name == "gzip" {
				out = gunzip(t, out)
			}
			lines := bytes.Count(out, []byte("\n"))
			want := "cut short after " + theme.Plural(int64(lines), "entry")
			if !written {
				want = "interrupted: nothing was written"
			}
			if code != 1 || !strings.Contains(p.stderr.String(), want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, p.stderr.String(), want)
			}
			if len(out) > 0 && (!written || !bytes.HasSuffix(out, []byte("\n"))) {
				t.Errorf("output ends mid-record: %q", out[max(0, len(out)-40):])
			}
		})
	}
}

// waitFileHolds waits until the file at path holds want.
func waitFileHolds(t *testing.T, path, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, _ := os.ReadFile(path); strings.Contains(string(b), want) {
			return
		}
	}
	t.Fatalf("%s never held %q", path, want)
}

// waitSomeStdout waits until the process has written to standard output.
func waitSomeStdout(t *testing.T, p *connlogProcess) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if p.stdout.String() != "" {
			return
		}
	}
	t.Fatalf("connlog wrote nothing; stderr %q", p.stderr.String())
}

// gunzip decompresses a whole gzip stream, failing on a truncated one.
func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gzip stream not closed: %v", err)
	}
	return out
}
