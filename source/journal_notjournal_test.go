package source

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"connlog/source/journalfile"
)

// TestNotAJournalFile: a file given as a binary journal file that is plainly
// a log of another kind is named as what it is, and a journal file
// compressed whole comes with the command that restores it; a journal
// file, or binary bytes the journal reader is to judge, are not named.
func TestNotAJournalFile(t *testing.T) {
	dir := t.TempDir()
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(b)
		w.Close()
		return buf.Bytes()
	}
	journalHead := append([]byte(journalfile.Signature), make([]byte, 256)...)
	for _, c := range []struct {
		name     string
		content  []byte
		want     string // "" for none
		wantUndo string
	}{
		{"app.log", []byte("2026-12-06T10:00:00Z [INFO] up\n"), "a log of text lines", ""},
		{"journal.json", []byte(`{"__CURSOR":"s=1","MESSAGE":"up"}` + "\n"), "a log of text lines", ""},
		{"x.export", []byte("__CURSOR=s=1\n__REALTIME_TIMESTAMP=1\nMESSAGE=up\n\n"), "a journal export file", ""},
		{"app.log.1.gz", gz([]byte("2026-12-06T10:00:00Z [INFO] up\n")), "a file compressed with gzip", ""},
		{"system.journal.gz", gz(journalHead), "a journal file compressed with gzip", "gzip -dc " + filepath.Join(dir, "system.journal.gz") + " > " + filepath.Join(dir, "system.journal")},
		{"system.journal", journalHead, "", ""},
		{"damaged.journal", append([]byte("LPKS\x00\x00\x00\x00"), make([]byte, 64)...), "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			if err := os.WriteFile(path, c.content, 0o644); err != nil {
				t.Fatal(err)
			}
			nj, ok := NotAJournalFile(path)
			if ok != (c.want != "") || !strings.HasPrefix(nj.What, c.want) || nj.Undo != c.wantUndo {
				t.Errorf("NotAJournalFile = %+v, %v; want %q, undo %q", nj, ok, c.want, c.wantUndo)
			}
		})
	}
}

// TestDirectoryWithoutJournalFiles: -D on a directory that holds no journal
// file says so, and names its text logs when it holds some, instead of
// blaming the unit or printing nothing; a followed one may still get its
// first file.
func TestDirectoryWithoutJournalFiles(t *testing.T) {
	empty, logs := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(logs, "app.log"), []byte("up\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := journalCheckDirectory(empty, false); err == nil || !strings.Contains(err.Error(), empty+" holds no journal files") {
		t.Errorf("empty: %v", err)
	}
	if err := journalCheckDirectory(logs, false); err == nil || !strings.Contains(err.Error(), "connlog '"+filepath.Join(logs, "*.log")+"'") {
		t.Errorf("text logs: %v", err)
	}
	if err := journalCheckDirectory(empty, true); err != nil {
		t.Errorf("followed: %v", err)
	}
}

// TestIsJournalFile: a journal file is known by its first bytes, whatever
// its name or the name it is reached by, and one compressed whole by what
// it decompresses to; a log of text, a compressed log, a damaged header, an
// empty file, a directory and a missing file are neither.
func TestIsJournalFile(t *testing.T) {
	dir := t.TempDir()
	gz := func(b []byte) []byte { return gzipped(t, string(b)) }
	journalHead := append([]byte(journalfile.Signature), make([]byte, 256)...)
	files := map[string][]byte{
		"system.journal":    journalHead,
		"dirty.journal~":    journalHead,
		"renamed.log":       journalHead,
		"system.journal.gz": gz(journalHead),
		"app.log":           []byte("2026-12-06T10:00:00Z [INFO] up\n"),
		"app.log.1.gz":      gz([]byte("2026-12-06T10:00:00Z [INFO] up\n")),
		"damaged.journal":   append([]byte("LPKS\x00\x00\x00\x00"), make([]byte, 64)...),
		"empty.journal":     nil,
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "system.journal"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name              string
		plain, compressed bool
	}{
		{"system.journal", true, false}, {"dirty.journal~", true, false}, {"renamed.log", true, false}, {"link", true, false},
		{"system.journal.gz", false, true},
		{"app.log", false, false}, {"app.log.1.gz", false, false}, {"damaged.journal", false, false},
		{"empty.journal", false, false}, {"missing.journal", false, false}, {".", false, false},
	} {
		path := filepath.Join(dir, c.name)
		nj, compressed := CompressedJournalFile(path)
		if got := IsJournalFile(path); got != c.plain || compressed != c.compressed || compressed && nj.Undo == "" {
			t.Errorf("%s: IsJournalFile %v, CompressedJournalFile %+v %v; want %v, %v", c.name, got, nj, compressed, c.plain, c.compressed)
		}
	}
}

// TestIsJournalFileLeavesAFIFOUnopened: a named pipe given as an input is
// not opened to be looked at: its writer, waiting for a reader, would take
// that look for connlog's reader, write, and lose its lines (or die of
// SIGPIPE) once the look closed it.
func TestIsJournalFileLeavesAFIFOUnopened(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p")
	if err := unix.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	opened := make(chan *os.File, 1)
	go func() {
		w, _ := os.OpenFile(fifo, os.O_WRONLY, 0) // waits for a reader
		opened <- w
	}()
	time.Sleep(50 * time.Millisecond) // for the writer to wait in its open
	if IsJournalFile(fifo) {
		t.Error("IsJournalFile: a FIFO is no journal file")
	}
	if _, ok := CompressedJournalFile(fifo); ok {
		t.Error("CompressedJournalFile: a FIFO is no journal file")
	}
	select {
	case w := <-opened:
		w.Close()
		t.Fatal("the FIFO was opened: its writer stopped waiting")
	case <-time.After(200 * time.Millisecond):
	}
	r, err := os.OpenFile(fifo, os.O_RDONLY|unix.O_NONBLOCK, 0) // lets the writer go
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if w := <-opened; w != nil {
		w.Close()
	}
}
