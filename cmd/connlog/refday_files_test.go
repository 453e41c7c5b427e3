package main

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The same night in two files, as logrotate leaves it the morning after:
// yesterday's evening in the rotated file (plain, or compressed), the
// hours after midnight in the live one. A time without a date falls where
// it falls in the one file holding both (TestExportAcrossMidnight): the
// data begins at the rotated file's head, not at the live file's. The
// rotated file named on its own, beside the live one, through
// --with-rotated and through a glob.
func TestExportAcrossMidnightInTwoFiles(t *testing.T) {
	var evening, night strings.Builder
	for line := range strings.Lines(acrossMidnightLog(t)) {
		if strings.HasPrefix(line, "2026-11-20") {
			evening.WriteString(line)
		} else {
			night.WriteString(line)
		}
	}
	for _, rotated := range []string{"app.log.1", "app.log.1.gz"} {
		dir := t.TempDir()
		live := filepath.Join(dir, "app.log")
		writeFile(t, live, night.String())
		old := filepath.Join(dir, rotated)
		if strings.HasSuffix(rotated, ".gz") {
			writeGzip(t, old, evening.String())
		} else {
			writeFile(t, old, evening.String())
		}
		for _, inputs := range [][]string{{old, live}, {"--with-rotated", live}, {filepath.Join(dir, "app.log*")}} {
			for _, tt := range acrossMidnightCases {
				args := append(append([]string{"export"}, tt.args...), "--utc", "--format", "ndjson")
				out, errs, code := runCLI(t, append(args, inputs...)...)
				if code != 0 {
					t.Fatalf("%s %v %v: exit %d, stderr %q", rotated, inputs, tt.args, code, errs)
				}
				if got := ndjsonDays(t, out); got != tt.want {
					t.Errorf("%s %v %v: %q, want %q", rotated, inputs, tt.args, got, tt.want)
				}
			}
		}
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeGzip(t *testing.T, path, content string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := gzip.NewWriter(f)
	if _, err := w.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// A named pipe is read once, as standard input is: its day is settled on
// its first lines, never found by opening it first (the open would wait
// for a writer, and take the lines from the read that follows).
func TestExportDatelessTimesOnANamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString("2026-11-20T08:00:00Z a\n2026-11-20T09:00:00Z b\n")
		f.Close()
	}()
	out, errs, code := runCLI(t, "export", "--utc", "--since", "08:30", "--format", "raw", fifo)
	if code != 0 || out != "2026-11-20T09:00:00Z b\n" {
		t.Errorf("exit %d, %q, stderr %q; want the line after 08:30 of the pipe's day", code, out, errs)
	}
}
