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

// TestExportRefusesABadDebugLog: connlog export refuses a debug log it
// cannot or must not write, as the interface does, saying why and what to
// do, before anything is written: standard output stays empty and no
// output file is left.
func TestExportRefusesABadDebugLog(t *testing.T) {
	t.Cleanup(func() { log.SetOutput(os.Stderr); log.SetPrefix("") })
	name := fixtureCopy(t, filepath.Join("testdata", "envelopes", "bare.log"))
	victim, link := linkToVictim(t, ".", "debug.log")
	if err := syscall.Mkfifo("fifo", 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("file", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("dir", 0o700); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, say string
	}{
		{"missing directory", "nonexistent/dir/x.log", "directory nonexistent/dir does not exist — create it or give another path"},
		{"a directory that makes no files", "/proc/x.log", "the directory /proc exists, but its file system does not let files be created in it"},
		{"a file as directory", "file/x.log", "file is not a directory"},
		{"symbolic link", link, "is a symbolic link, and connlog does not write through one"},
		{"named pipe", "fifo", "is a named pipe (FIFO), not a regular file"},
		{"directory", "dir", "is a directory, not a regular file"},
	}
	for _, c := range cases {
		for _, output := range []string{"-", "out.ndjson"} {
			t.Run(c.name+" to "+output, func(t *testing.T) {
				out, errOut, code := runCLI(t, "export", "--debug-log", c.path, "-o", output, name)
				if code != 1 || !strings.Contains(errOut, c.say) {
					t.Errorf("exit %d, stderr %q; want exit 1 mentioning %q", code, errOut, c.say)
				}
				if out != "" {
					t.Errorf("standard output holds %q", out)
				}
				if _, err := os.Lstat("out.ndjson"); err == nil {
					os.Remove("out.ndjson")
					t.Error("the output file was written")
				}
			})
		}
	}
	if got, _ := os.ReadFile(victim); string(got) != victimText {
		t.Errorf("the link's target was written: %q", got)
	}

	out, errOut, code := runCLI(t, "export", "--debug-log", "debug-ok.log", "-o", "out.ndjson", name)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	info, err := os.Stat("debug-ok.log")
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("debug log mode = %v (%v), want 0600", info.Mode().Perm(), err)
	}
	if got, _ := os.ReadFile("debug-ok.log"); !strings.Contains(string(got), "entries written") {
		t.Errorf("debug log holds %q", got)
	}
}
