package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal: connlog writes to the terminal side,
// the test reads what the screen would get from the other.
func openPTY(t *testing.T) (screen, term *os.File) {
	t.Helper()
	fd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	screen = os.NewFile(uintptr(fd), "/dev/ptmx")
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	term, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Raw mode: the terminal must not turn \n into \r\n for the comparison.
	tio, err := unix.IoctlGetTermios(int(term.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	tio.Oflag &^= unix.OPOST
	if err := unix.IoctlSetTermios(int(term.Fd()), unix.TCSETS, tio); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { term.Close(); screen.Close() })
	return screen, term
}

// hostileLog is a line that retitles the window and writes the clipboard.
const hostileLog = "2026-11-20T10:00:00Z [INFO] user=\x1b]0;pwned\x07 \x1b]52;c;ZXZpbA==\x07\r done\n"

func TestExportToATerminalMakesEscapesVisible(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "app.log")
	if err := os.WriteFile(in, []byte(hostileLog), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"raw", "text", "csv", "ndjson", "journal"} {
		screen, term := openPTY(t)
		var stderr bytes.Buffer
		code := run([]string{"export", "--format", format, in}, strings.NewReader(""), term, &stderr)
		term.Close()
		got, _ := io.ReadAll(screen) // ends with EIO once the terminal side is closed
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr.String())
		}
		if bytes.ContainsAny(got, "\x1b\x07\r") || !bytes.Contains(got, []byte("pwned")) {
			t.Errorf("%s: the terminal got %q", format, got)
		}
	}
	// A pipe or a file gets the exact bytes.
	var out bytes.Buffer
	if code := run([]string{"export", "--format", "raw", in}, strings.NewReader(""), &out, io.Discard); code != 0 || out.String() != hostileLog {
		t.Errorf("raw to a pipe: exit %d, %q", code, out.String())
	}
}

func TestBinaryExportToATerminalIsRefused(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "app.log")
	if err := os.WriteFile(in, []byte(hostileLog), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--format", "bundle"}, {"--compress", "gzip"}, {"--format", "csv", "--compress", "zstd"}} {
		_, term := openPTY(t)
		var stderr bytes.Buffer
		code := run(append(append([]string{"export"}, args...), in), strings.NewReader(""), term, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "to a terminal") {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, stderr.String())
		}
	}
}

// TestExportToASpecialFileAdvisesStandardOutput: a device or a symbolic
// link is refused, and the command line says what it alone can do.
func TestExportToASpecialFileAdvisesStandardOutput(t *testing.T) {
	log := fixtureCopy(t, "testdata/envelopes/bare.log")
	must(t, os.Symlink("elsewhere.log", "link.log"))
	for out, what := range map[string]string{"/dev/null": "a character device", "link.log": "a symbolic link"} {
		_, stderr, code := runCLI(t, "export", "-o", out, log)
		want := out + " is " + what + ", not a regular file, and connlog never replaces one — " +
			"choose another path, or write to standard output with -o - (and redirect it)"
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("-o %s: exit %d, stderr %q; want 1 and %q", out, code, stderr, want)
		}
	}
}
