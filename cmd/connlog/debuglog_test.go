package main

import (
	"log"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestDebugLogRefusesALinkAndCreates0600(t *testing.T) {
	t.Cleanup(func() { log.SetOutput(os.Stderr); log.SetPrefix("") })
	dir := t.TempDir()
	victim, link := linkToVictim(t, dir, "debug.log")
	if _, closeAll, err := programOptions(Config{DebugLog: link}, nil); err == nil {
		closeAll()
		log.Print("written through the link")
		t.Error("a symbolic link was accepted as the debug log")
	} else if !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("message %q does not say it is a link", err)
	}
	if got, _ := os.ReadFile(victim); string(got) != victimText {
		t.Errorf("the link's target was written: %q", got)
	}

	fresh := filepath.Join(dir, "fresh.log")
	old := syscall.Umask(0)
	_, closeAll, err := programOptions(Config{DebugLog: fresh}, nil)
	syscall.Umask(old)
	if err != nil {
		t.Fatal(err)
	}
	log.Print("hello")
	closeAll()
	info, err := os.Stat(fresh)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("debug log mode = %v (%v), want 0600", info.Mode().Perm(), err)
	}
	if got, _ := os.ReadFile(fresh); !strings.Contains(string(got), "hello") {
		t.Errorf("debug log holds %q", got)
	}
}

// linkToVictim makes, in dir, a file holding victimText and a symbolic link
// to it named name, and returns both paths: a file connlog must refuse to
// write through.
func linkToVictim(t *testing.T, dir, name string) (victim, link string) {
	t.Helper()
	victim = filepath.Join(dir, "shadow")
	if err := os.WriteFile(victim, []byte(victimText), 0o644); err != nil {
		t.Fatal(err)
	}
	link = filepath.Join(dir, name)
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	return victim, link
}

const victimText = "root:x:0\n"
