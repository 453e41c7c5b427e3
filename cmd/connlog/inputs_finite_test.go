package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Only a regular file read without following (a rotated copy among followed
// files too) is waited for however long it is quiet: standard input and a
// named pipe may stay open and silent. A followed file, or one still to
// come, is waited for until it marks that it has read what it held.
func TestFeedsOfFilesReadToTheirEndAreFinite(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "connector.log")
	if err := os.WriteFile(file, []byte("2026-02-10T08:00:00Z [INFO] [connector] up\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	rotated := filepath.Join(dir, "connector.log.1")
	if err := os.WriteFile(rotated, []byte("2026-02-09T08:00:00Z [INFO] [connector] up\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		files   []string
		follow  bool
		finite  []bool
		catches []bool
	}{
		{[]string{file, "-"}, false, []bool{true, false}, []bool{false, false}},
		{[]string{file, fifo}, false, []bool{true, false}, []bool{false, false}},
		{[]string{file, "-"}, true, []bool{false, false}, []bool{true, false}},
		{[]string{file, rotated, fifo}, true, []bool{false, true, false}, []bool{true, false, false}},
		{[]string{filepath.Join(dir, "still-to-come.log")}, true, []bool{false}, []bool{true}},
	} {
		feeds, _, err := buildFeeds(Config{Files: tc.files}, strings.NewReader(""), tc.follow)
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range feeds {
			if f.Finite != tc.finite[i] || f.CatchesUp != tc.catches[i] {
				t.Errorf("%s (follow %v): Finite %v and CatchesUp %v, want %v and %v",
					tc.files[i], tc.follow, f.Finite, f.CatchesUp, tc.finite[i], tc.catches[i])
			}
		}
	}
}
