package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// journalInputs makes, beside a copied journal file, another name of it (a
// symlink) and a copy under a name that does not say journal: each is
// recognised by its bytes.
func journalInputs(t *testing.T) (journal, link, renamed string) {
	t.Helper()
	dir := copiedJournalDir(t)
	journal = filepath.Join(dir, "copied.journal")
	link = filepath.Join(dir, "link.journal")
	must(t, os.Symlink(journal, link))
	renamed = filepath.Join(dir, "system.journal~")
	b, err := os.ReadFile(journal)
	must(t, err)
	must(t, os.WriteFile(renamed, b, 0o600))
	return journal, link, renamed
}

// TestJournalFileGivenAsAnInputIsReadAsOne: a binary journal file named
// without --file (by its name, another name of it, twice, or under a name
// that does not end in .journal) exports what --file exports, not its
// bytes as lines of text.
func TestJournalFileGivenAsAnInputIsReadAsOne(t *testing.T) {
	journal, link, renamed := journalInputs(t)
	export := []string{"export", "--format", "ndjson", "--all-units", "--utc"}
	want, wantErr, wantCode := runCLI(t, append(export, "--file", journal)...)
	if wantCode != 0 || !strings.Contains(want, "State: Error") {
		t.Fatalf("--file: exit %d, stderr %q, %d bytes out", wantCode, wantErr, len(want))
	}
	for _, inputs := range [][]string{{journal}, {link}, {journal, journal}, {link, journal}, {renamed}} {
		got, stderr, code := runCLI(t, append(export, inputs...)...)
		if code != wantCode || got != want || stderr != wantErr {
			t.Errorf("%v: exit %d, stderr %q, out %d bytes; want what --file gives (%d bytes)", inputs, code, stderr, len(got), len(want))
		}
	}
}

// TestJournalFileInputConfiguredAsFile: the interface, -n and --list-boots
// take a journal file named without --file as they take it with --file.
func TestJournalFileInputConfiguredAsFile(t *testing.T) {
	journal, link, _ := journalInputs(t)
	cfg, err := parseArgs([]string{"-n", "5", journal, link}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Files) != 0 || !reflect.DeepEqual([]string(cfg.JournalFile), []string{journal, link}) || cfg.Lines != 5 || cfg.fromLast {
		t.Errorf("Files %q, JournalFile %q, -n %d (from the last lines %v); want the journal files, -n as the newest entries",
			cfg.Files, cfg.JournalFile, cfg.Lines, cfg.fromLast)
	}
	out, stderr, code := runCLI(t, "--list-boots", journal)
	if code != 0 || out == "" {
		t.Errorf("--list-boots: exit %d, stderr %q", code, stderr)
	}
}

// TestJournalFileMixedWithTextLogsRefused: a journal file and a text log in
// one command cannot both be read: the usage error names the journal file
// and says to give it to --file (or -D).
func TestJournalFileMixedWithTextLogsRefused(t *testing.T) {
	journal, _, _ := journalInputs(t)
	text := filepath.Join("..", "..", "testdata", "days", "yesterday.log")
	for _, inputs := range [][]string{{text, journal}, {journal, text}, {journal, "-"}} {
		for _, cmd := range [][]string{{"export"}, {"summary"}} {
			_, stderr, code := runCLI(t, append(cmd, inputs...)...)
			if code != 2 || !saysUseFile(stderr, journal) {
				t.Errorf("%v %v: exit %d, stderr %q; want 2 naming the journal file and --file", cmd, inputs, code, stderr)
			}
		}
		// The interface, which needs a terminal to run, refuses them alike.
		if _, err := parseArgs(inputs, io.Discard); !errors.As(err, new(usageError)) || !saysUseFile(err.Error(), journal) {
			t.Errorf("the interface, %v: err = %v; want a usage error naming the journal file and --file", inputs, err)
		}
	}
}

// saysUseFile reports whether msg names the journal file and says to give
// it to --file or -D.
func saysUseFile(msg, journal string) bool {
	return strings.Contains(msg, journal+" is a binary journal file") && strings.Contains(msg, "--file "+journal) &&
		strings.Contains(msg, "-D")
}

// TestJournalFileInputWithDirectoryRefused: -D and a journal file named
// without --file are two journals, as -D with --file is.
func TestJournalFileInputWithDirectoryRefused(t *testing.T) {
	journal, _, _ := journalInputs(t)
	_, err := parseArgs([]string{"-D", t.TempDir(), journal}, io.Discard)
	if !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), "give one of them") ||
		strings.Contains(err.Error(), "--file "+journal) {
		t.Errorf("err = %v; want a usage error saying to give one journal, without a --file not typed", err)
	}
}

// TestCompressedJournalFileInputRefused: a journal file compressed whole is
// read by no journal reader: named as an input it is refused with the
// command that decompresses it, not read as text.
func TestCompressedJournalFileInputRefused(t *testing.T) {
	journal, _, _ := journalInputs(t)
	gz := journal + ".gz"
	writeGzip(t, gz, readString(t, journal))
	_, stderr, code := runCLI(t, "export", gz)
	if code != 2 || !strings.Contains(stderr, gz+" is a journal file compressed with gzip") ||
		!strings.Contains(stderr, "gzip -dc "+gz+" > "+journal) || !strings.Contains(stderr, "--file") {
		t.Errorf("exit %d, stderr %q; want 2 and how to decompress it", code, stderr)
	}
}

// TestGlobOfJournalFilesRefused: a quoted glob that matches binary journal
// files is refused, naming one of them and --file or -D, rather than read
// as lines of text; one that matches a journal file compressed whole says
// how to decompress it.
func TestGlobOfJournalFilesRefused(t *testing.T) {
	journal, _, _ := journalInputs(t)
	dir := filepath.Dir(journal)
	_, stderr, code := runCLI(t, "export", filepath.Join(dir, "*.journal"))
	if code != 2 || !strings.Contains(stderr, "is a binary journal file") || !strings.Contains(stderr, "--file") ||
		!strings.Contains(stderr, "-D "+dir) {
		t.Errorf("a glob of journal files: exit %d, stderr %q; want 2 and --file or -D", code, stderr)
	}
	gzipped := t.TempDir()
	gz := filepath.Join(gzipped, "system.journal.gz")
	writeGzip(t, gz, readString(t, journal))
	_, stderr, code = runCLI(t, "export", filepath.Join(gzipped, "*"))
	if code != 2 || !strings.Contains(stderr, "gzip -dc "+gz) {
		t.Errorf("a glob of a compressed journal file: exit %d, stderr %q; want 2 and how to decompress it", code, stderr)
	}
}

// readString is the content of the file at path.
func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return string(b)
}
