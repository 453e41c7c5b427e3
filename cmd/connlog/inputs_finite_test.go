package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Only a regular file read without following is waited for however long it
// is quiet: standard input and a named pipe may stay open and silent.
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
	for _, tc := range []struct {
		files  []string
		follow bool
		want   []bool
	}{
		{[]string{file, "-"}, false, []bool{true, false}},
		{[]string{file, fifo}, false, []bool{true, false}},
		{[]string{file, "-"}, true, []bool{false, false}},
	} {
		feeds, _, err := buildFeeds(Config{Files: tc.files}, strings.NewReader(""), tc.follow)
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range feeds {
			if f.Finite != tc.want[i] {
				t.Errorf("%s (follow %v): Finite %v, want %v", tc.files[i], tc.follow, f.Finite, tc.want[i])
			}
		}
	}
}
