package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unreadSiblingLog writes, in a new directory, a log of earlier days with
// its rotated copies: app.log.3.lzma (a compression connlog does not
// read, just copied here: written now), app.log.2.gz, app.log.1, app.log.
// It returns the live log's path.
func unreadSiblingLog(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	day := func(d int) string {
		var b strings.Builder
		for i := range 3 {
			fmt.Fprintf(&b, "2026-12-%02dT08:%02d:00Z [INFO] [connector] day %d line %d\n", d, i, d, i)
		}
		return b.String()
	}
	live := filepath.Join(dir, "app.log")
	must(t, os.WriteFile(live+".3.lzma", []byte{0x5d, 0, 0, 0x80, 0, 'n', 'o', 't', ' ', 'r', 'e', 'a', 'd'}, 0o644))
	must(t, os.WriteFile(live+".2.gz", gzipBytes(t, day(3)), 0o644))
	must(t, os.WriteFile(live+".1", []byte(day(4)), 0o644))
	must(t, os.WriteFile(live, []byte(day(5)), 0o644))
	return live
}

// TestExportPlacesAnUnreadSiblingInItsRotation: the gap of a rotated copy
// connlog cannot read stands before the next newer copy's first line,
// not at the end with today's time.
func TestExportPlacesAnUnreadSiblingInItsRotation(t *testing.T) {
	live := unreadSiblingLog(t)
	stdout, stderr, code := runCLI(t, "export", "--with-rotated", "--utc", live)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 10 || !strings.Contains(lines[0], "app.log.3.lzma") || !strings.HasPrefix(lines[0], "2026-12-03T08:00:00") {
		t.Errorf("the export begins %q; want the gap of app.log.3.lzma first, dated by app.log.2.gz's first line\n%s", lines[0], stdout)
	}
}

// gzipBytes is s compressed with gzip.
func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(s))
	must(t, err)
	must(t, w.Close())
	return b.Bytes()
}

// TestExportGapOfUnknownSizeHasNoCount: the ndjson of a gap whose size is
// not known leaves its count out, as 0 would say nothing is missing.
func TestExportGapOfUnknownSizeHasNoCount(t *testing.T) {
	live := unreadSiblingLog(t)
	stdout, stderr, code := runCLI(t, "export", "--with-rotated", "--format", "ndjson", live)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	gap, _, _ := strings.Cut(stdout, "\n")
	if !strings.Contains(gap, `"kind":"gap"`) || strings.Contains(gap, `"count"`) {
		t.Errorf("the gap record is %s; want one without a count", gap)
	}
}
