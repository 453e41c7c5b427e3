package source

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
