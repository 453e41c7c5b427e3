package main

import (
	"os"
	"strings"
	"testing"

	"connlog/source"
)

// TestNamesOfOneFileAreReadOnce: a file named as itself and through a link
// is read once, by export and summary alike, and standard error says so
// once, under the name given first; a copy of the same bytes is its own.
func TestNamesOfOneFileAreReadOnce(t *testing.T) {
	name := fixtureCopy(t, "testdata/envelopes/bare.log")
	if err := os.Symlink(name, "mlink.log"); err != nil {
		t.Fatal(err)
	}
	once, _, code := runCLI(t, "export", "--format", "raw", name)
	if code != 0 || once == "" {
		t.Fatalf("export of %s: exit %d, %d bytes", name, code, len(once))
	}
	out, errOut, code := runCLI(t, "export", "--format", "raw", "mlink.log", name, "./mlink.log")
	if code != 0 || out != once {
		t.Errorf("export of a link and its target: exit %d, %d lines; want %d lines", code, strings.Count(out, "\n"), strings.Count(once, "\n"))
	}
	if want := "connlog: mlink.log and " + name + " are the same file: read once, as mlink.log\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	summary, errOut, code := runCLI(t, "summary", "--format", "json", name, "mlink.log")
	if alone, _, _ := runCLI(t, "summary", "--format", "json", name); code != 0 || summary != alone {
		t.Errorf("summary of a file and its link: exit %d, differs from the file's alone:\n%s\nwant\n%s", code, summary, alone)
	}
	if want := "connlog: " + name + " and mlink.log are the same file: read once, as " + name + "\n"; errOut != want {
		t.Errorf("summary's stderr %q, want %q", errOut, want)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("copy.log", data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errOut, _ := runCLI(t, "export", "--format", "raw", name, "copy.log"); len(out) != 2*len(once) || errOut != "" {
		t.Errorf("a copy of the bytes: %d lines, stderr %q; want both read, nothing said", strings.Count(out, "\n"), errOut)
	}
}

// The names are made inert, and a pattern that names many files twice
// gives a few lines, then a count.
func TestSayReadOnceIsShortAndInert(t *testing.T) {
	var inputs []source.Input
	for _, p := range []string{"a", "b", "c", "d", "e"} {
		inputs = append(inputs, source.Input{Path: "/var/log/pods/" + p + "/0.log", AlsoNamed: []string{"/var/log/containers/" + p + "\x1b[2J.log"}})
	}
	inputs = append(inputs, source.Input{Path: "alone.log"})
	var b strings.Builder
	sayReadOnce(&b, inputs)
	want := "connlog: /var/log/pods/a/0.log and /var/log/containers/a␛[2J.log are the same file: read once, as /var/log/pods/a/0.log\n" +
		"connlog: /var/log/pods/b/0.log and /var/log/containers/b␛[2J.log are the same file: read once, as /var/log/pods/b/0.log\n" +
		"connlog: /var/log/pods/c/0.log and /var/log/containers/c␛[2J.log are the same file: read once, as /var/log/pods/c/0.log\n" +
		"connlog: and 2 more files named more than once: each read once\n"
	if b.String() != want {
		t.Errorf("said\n%s\nwant\n%s", b.String(), want)
	}
}

// TestFooterNotes: the notes said on standard error become one footer
// line, without their program name.
func TestFooterNotes(t *testing.T) {
	got := footerNotes("connlog: a and b are the same file: read once, as a\nconnlog: and 2 more files named more than once: each read once\n")
	want := "a and b are the same file: read once, as a; and 2 more files named more than once: each read once"
	if got != want {
		t.Errorf("footerNotes = %q, want %q", got, want)
	}
	if got := footerNotes(""); got != "" {
		t.Errorf("no notes: %q", got)
	}
}
