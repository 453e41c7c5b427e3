package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The profile replaces what a regular file held, is created 0600, and is a
// profile (gzip-compressed, as pprof writes it).
func TestCPUProfileWritesARegularFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.pprof")
	// Longer than any profile of 50 ms: the profile alone would not cover it.
	if err := os.WriteFile(path, bytes.Repeat([]byte("an older text "), 1<<13), 0o600); err != nil {
		t.Fatal(err)
	}
	stop, err := startCPUProfile(path)
	if err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(50 * time.Millisecond); time.Now().Before(end); {
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(got, []byte{0x1f, 0x8b}) || bytes.Contains(got, []byte("older")) {
		t.Fatalf("the file holds %q…, not a fresh profile", got[:min(len(got), 16)])
	}

	fresh := filepath.Join(t.TempDir(), "fresh.pprof")
	old := syscall.Umask(0)
	stop, err = startCPUProfile(fresh)
	syscall.Umask(old)
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(fresh)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("profile mode = %v, want 0600", info.Mode().Perm())
	}
}

// A symbolic link and what is not a regular file are refused, untouched,
// with a message that says what to give instead.
func TestCPUProfileRefusesLinksAndOtherFiles(t *testing.T) {
	dir := t.TempDir()
	victim, link := linkToVictim(t, dir, "link.pprof")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{link, "symbolic link"},
		{fifo, "not a regular file"},
		{"/dev/null", "not a regular file"},
		{dir, "is a directory, not a regular file"},
		{filepath.Join(dir, "missing", "cpu.pprof"), "missing does not exist — create it or give another path"},
	} {
		stop, err := startCPUProfile(tc.path)
		if err == nil {
			stop()
			t.Errorf("%s: accepted", tc.path)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), envCPUProfile) {
			t.Errorf("%s: message %q does not say %q and name %s", tc.path, err, tc.want, envCPUProfile)
		}
	}
	if got, _ := os.ReadFile(victim); string(got) != victimText {
		t.Errorf("the link's target was written: %q", got)
	}
}
