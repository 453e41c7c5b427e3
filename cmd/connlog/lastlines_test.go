package main

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportTheLastLinesOfFiles: -n with files exports the last lines of
// each, as tail -n does, a compressed file's too.
func TestExportTheLastLinesOfFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.log"), filepath.Join(dir, "b.log")
	writeLines(t, a, "2026-11-20T08:00:00Z a1", "2026-11-20T08:00:02Z a2", "2026-11-20T08:00:04Z a3")
	writeLines(t, b, "2026-11-20T08:00:01Z b1", "2026-11-20T08:00:03Z b2", "2026-11-20T08:00:05Z b3")
	out, errs, code := runCLI(t, "export", "--format", "raw", "-n", "2", a, b)
	want := "2026-11-20T08:00:02Z a2\n2026-11-20T08:00:03Z b2\n2026-11-20T08:00:04Z a3\n2026-11-20T08:00:05Z b3\n"
	if code != 0 || out != want {
		t.Errorf("-n 2 of two files: exit %d, %q (%s), want %q", code, out, errs, want)
	}
	if out, _, code := runCLI(t, "export", "--format", "raw", "-n", "0", a); code != 0 || out != "" {
		t.Errorf("-n 0: exit %d, %q, want nothing", code, out)
	}

	// The last two lines cut a stack trace: its entry is exported whole.
	trace := filepath.Join(dir, "trace.log")
	writeLines(t, trace, "2026-11-20T08:00:00Z ERROR panic: boom", "    at a.b(c.go:1)", "    at d.e(f.go:2)", "2026-11-20T08:00:02Z ok")
	if out, errs, _ := runCLI(t, "export", "--format", "raw", "-n", "2", trace); !strings.HasPrefix(out, "2026-11-20T08:00:00Z ERROR panic: boom\n") {
		t.Errorf("-n 2 cutting a stack trace: %q (%s), want it whole", out, errs)
	}

	gz := filepath.Join(dir, "c.log.gz")
	f, err := os.Create(gz)
	if err != nil {
		t.Fatal(err)
	}
	w := gzip.NewWriter(f)
	w.Write([]byte("2026-11-20T08:00:00Z c1\n2026-11-20T08:00:01Z c2\n"))
	if err := w.Close(); err != nil || f.Close() != nil {
		t.Fatal(err)
	}
	if out, errs, code := runCLI(t, "export", "--format", "raw", "-n", "1", gz); code != 0 || out != "2026-11-20T08:00:01Z c2\n" {
		t.Errorf("-n 1 of a compressed file: exit %d, %q, stderr %q; want its last line", code, out, errs)
	}
}

// TestExportTheLastUntimedLines: lines without a time of their own, each
// an entry (service lines with no stamp), are the last N as tail -n counts
// them, not reaching back to the line with a time before them.
func TestExportTheLastUntimedLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "raw.log")
	writeLines(t, path, "2026-11-20T08:00:00Z [INFO] timed line",
		"[DEBUG] [libsdwan] [dns] dns_cache::lookup: a hit",
		"[DEBUG] [libsdwan] [dns] dns_cache::lookup: b hit",
		"[DEBUG] [libsdwan] [dns] dns_cache::lookup: c hit",
		"[DEBUG] [libsdwan] [dns] dns_cache::lookup: d hit")
	for n, want := range map[string]string{
		"1": "[DEBUG] [libsdwan] [dns] dns_cache::lookup: d hit\n",
		"2": "[DEBUG] [libsdwan] [dns] dns_cache::lookup: c hit\n[DEBUG] [libsdwan] [dns] dns_cache::lookup: d hit\n",
	} {
		if out, errs, code := runCLI(t, "export", "--format", "raw", "-n", n, path); code != 0 || out != want {
			t.Errorf("-n %s: exit %d, %q (%s), want %q", n, code, out, errs, want)
		}
	}
}

func writeLines(t *testing.T, path string, lines ...string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
