package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExportFollowNeverReplacesALogRotatedIntoItsPath: `export -f --force
// -o app.log.1 app.log`, and logrotate renames app.log to app.log.1 while
// the export runs: when the export ends, the path holds the rotated log,
// not the file that was there when the export began (none), and the
// export must not replace it; it says so, keeps what it wrote under
// another name, and fails.
func TestExportFollowNeverReplacesALogRotatedIntoItsPath(t *testing.T) {
	dir := t.TempDir()
	log, out := filepath.Join(dir, "app.log"), filepath.Join(dir, "app.log.1")
	must(t, os.WriteFile(log, []byte("one\n"), 0o644))
	p := startConnlog(t, dir, "export", "-f", "--force", "--format", "raw", "-o", out, "app.log")
	// Once it reads the log, its output is claimed: a log rotated to that
	// name now is not the file it may replace.
	p.waitHolds(t, log)
	must(t, os.Rename(log, out))
	must(t, os.WriteFile(log, []byte("two\n"), 0o644))
	// Once it holds the new log, it has read the renamed one to its end
	// (which it keeps open for the lines its writer may still add).
	p.waitHolds(t, log)
	must(t, p.cmd.Process.Signal(syscall.SIGTERM))
	code := p.wait(t)
	want := out + " is no longer the file that was there when the export began"
	if code != 1 || !strings.Contains(p.stderr.String(), want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, p.stderr.String(), want)
	}
	if got, _ := os.ReadFile(out); string(got) != "one\n" {
		t.Errorf("the rotated log now holds %q", got)
	}
	// What the export collected is kept, beside it, and said where.
	kept := filepath.Join(dir, "app-1.log.1")
	if got, _ := os.ReadFile(kept); !strings.HasPrefix(string(got), "one\n") || !strings.Contains(p.stderr.String(), "saved as "+kept) {
		t.Errorf("the export is lost: %s holds %q; stderr %q", kept, got, p.stderr.String())
	}
}

// waitHolds waits until the process holds the file now at path open (a
// followed file it found there), and fails the test after a few seconds.
// The file must stay open for holdSettles: before its source opens it, a
// file is opened and closed at once to tell a journal export from lines
// of text, and a rename then would be seen before the source's own open,
// which would find the new file at the path.
func (p *connlogProcess) waitHolds(t *testing.T, path string) {
	t.Helper()
	var settled time.Time
	for ; ; time.Sleep(10 * time.Millisecond) {
		p.waitHolding(t, path, true)
		if settled.IsZero() {
			settled = time.Now().Add(holdSettles)
		}
		if want, err := os.Stat(path); err == nil && !holds(p.fds(), want) {
			settled = time.Time{} // closed again: that was the sniff
			continue
		}
		if time.Now().After(settled) {
			return
		}
	}
}

// holdSettles is how long a file stays open before it counts as held by
// its source rather than by a look at its first bytes.
const holdSettles = time.Second

// fds is the directory of the process's open descriptors.
func (p *connlogProcess) fds() string {
	return filepath.Join("/proc", strconv.Itoa(p.cmd.Process.Pid), "fd")
}

// waitHolding waits until the process holds the file now at path open, or
// no longer does (held false).
func (p *connlogProcess) waitHolding(t *testing.T, path string, held bool) {
	t.Helper()
	want, err := os.Stat(path)
	must(t, err)
	fds := p.fds()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if holds(fds, want) == held {
			return
		}
	}
	if held {
		t.Fatalf("connlog never opened %s; stderr: %s", path, p.stderr.String())
	}
	t.Fatalf("connlog still holds %s open; stderr: %s", path, p.stderr.String())
}

// holds reports whether one of the descriptors in fds is the file want.
func holds(fds string, want os.FileInfo) bool {
	ents, _ := os.ReadDir(fds)
	for _, e := range ents {
		if fi, err := os.Stat(filepath.Join(fds, e.Name())); err == nil && os.SameFile(fi, want) {
			return true
		}
	}
	return false
}
