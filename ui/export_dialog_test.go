package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model/export"
	"connlog/ui/exportdialog"
)

// TestExportDialogFailureKeepsSettings: a failed write goes back to the
// settings as they were, with the keyboard on the path, rather than
// closing the dialog and losing them.
func TestExportDialogFailureKeepsSettings(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-dir", "x.csv")
	m := drive(t, goldenModel(t, 120, 40), keys("x", "down", "right", "up", "up", "ctrl+u", missing, "enter")...)
	if m.dialog.State() != exportdialog.Failed || !strings.Contains(m.dialog.Err(), "does not exist — create it or choose another path") {
		t.Fatalf("state %v, error %q; want failed with what to do", m.dialog.State(), m.dialog.Err())
	}
	if s := screen(m); !strings.Contains(s, "export failed:") || !strings.Contains(s, "choose another path") {
		t.Errorf("the error is not shown whole:\n%s", s)
	}
	m = drive(t, m, keys("esc")...)
	if !m.dialog.IsOpen() || m.dialog.State() != exportdialog.Editing || m.dialog.Field() != exportdialog.FieldPath {
		t.Fatalf("after esc: open %v, state %v, field %v; want editing the path", m.dialog.IsOpen(), m.dialog.State(), m.dialog.Field())
	}
	if m.dialog.Settings().Format != export.FormatCSV || m.dialog.Path() != missing {
		t.Errorf("settings lost: format %v, path %q", m.dialog.Settings().Format, m.dialog.Path())
	}
}

// TestExportDialogDirectoryGetsDefaultName: a path naming a directory
// writes the default file name inside it.
func TestExportDialogDirectoryGetsDefaultName(t *testing.T) {
	cases := []struct{ name, suffix string }{
		{"trailing separator", "/"},
		{"existing directory without separator", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			m := drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", dir+c.suffix, "enter")...)
			if m.dialog.State() != exportdialog.Done {
				t.Fatalf("state %v (%s); want done", m.dialog.State(), m.dialog.Err())
			}
			want := filepath.Join(dir, filepath.Base(m.dialog.Plan().DefaultName))
			if m.dialog.Result().Path != want {
				t.Errorf("wrote %q; want %q", m.dialog.Result().Path, want)
			}
			if info, err := os.Stat(want); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("stat %v; want a 0600 file", err)
			}
		})
	}
}

// TestExportDialogFollowsExtension: changing the format or compression
// renames a typed path that ends in the old extension, and leaves any
// other name alone.
func TestExportDialogFollowsExtension(t *testing.T) {
	cases := []struct {
		name  string
		typed string
		keys  []string
		want  string
	}{
		{"format", "out.ndjson", []string{"up", "up", "up", "right"}, "out.csv"},
		{"compression", "out.ndjson", []string{"up", "up", "right"}, "out.ndjson.gz"},
		{"both, back and forth", "a/b.ndjson", []string{"up", "up", "left", "up", "right"}, "a/b.csv.zst"},
		{"another ending is kept", "out.data", []string{"up", "up", "up", "right"}, "out.data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", c.typed)...)
			m = drive(t, m, keys(c.keys...)...)
			if got := m.dialog.Path(); got != c.want {
				t.Errorf("path %q; want %q", got, c.want)
			}
		})
	}
}

// TestExportDialogWarnsOfAnOddName: a typed name that does not end as the
// format would is pointed out before writing.
func TestExportDialogWarnsOfAnOddName(t *testing.T) {
	m := drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", "out.data")...)
	if s := screen(m); !strings.Contains(s, "does not end in .ndjson") {
		t.Errorf("no warning for a .data name holding ndjson:\n%s", s)
	}
	m = drive(t, m, keys("ctrl+u", "out.ndjson")...) // the name fits now
	if s := screen(m); strings.Contains(s, "does not end in") {
		t.Errorf("warning shown for a fitting name:\n%s", s)
	}
}

// TestExportDialogWarnsOfABlankEndingTheName: a name typed with a blank
// after its ending keeps it (the file is named so), and the note says that,
// not that the name lacks the ending the screen shows it with.
func TestExportDialogWarnsOfABlankEndingTheName(t *testing.T) {
	m := drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", "out.ndjson ")...)
	s := screen(m)
	if strings.Contains(s, "does not end in") || !strings.Contains(s, `note: the name ends in a blank, which the file's name keeps: "out.ndjson "`) {
		t.Errorf("the note does not say the name ends in a blank:\n%s", s)
	}
	if got := m.dialog.Path(); got != "out.ndjson " {
		t.Errorf("path %q; want the name as typed", got)
	}
	// A blank of another kind, which shows as a space: a no-break space.
	m = drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", "out.ndjson\u00a0")...)
	if s := screen(m); !strings.Contains(s, "note: the name ends in a blank") {
		t.Errorf("a name ending in a no-break space gets no note of its blank:\n%s", s)
	}
}

// TestExportDialogNothingToWrite: enter on an empty window says why
// nothing happens instead of ignoring the key.
func TestExportDialogNothingToWrite(t *testing.T) {
	m := drive(t, goldenModel(t, 120, 40), keys("x", "right", "down", "2020-01-01", "down", "2020-01-02", "enter")...)
	if m.dialog.State() != exportdialog.Editing || !strings.Contains(screen(m), "nothing to write: the time window has no entries") {
		t.Errorf("state %v; want editing with a notice:\n%s", m.dialog.State(), screen(m))
	}
}

// TestAbortExportIdle: with no write running AbortExport returns at once.
func TestAbortExportIdle(t *testing.T) {
	m := drive(t, goldenModel(t, 120, 40), keys("x")...)
	finished := make(chan struct{})
	go func() { m.AbortExport(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(5 * time.Second):
		t.Fatal("AbortExport with no export running did not return within 5s")
	}
}

// TestExportDialogListsCompletions: several matches are shown under the
// path.
func TestExportDialogListsCompletions(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"exports-a", "exports-b"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	m := drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", root+"/ex", "tab")...)
	if s := screen(m); !strings.Contains(s, "exports-a/  exports-b/") {
		t.Errorf("the matches are not listed:\n%s", s)
	}
}

// TestExportDialogFormatFromTypedName: a typed path's ending chooses the
// format and compression, as on the command line.
func TestExportDialogFormatFromTypedName(t *testing.T) {
	cases := []struct {
		typed    string
		format   export.Format
		compress export.Compression
	}{
		{"x.csv.gz", export.FormatCSV, export.CompressGzip},
		{"b.tar.zst", export.FormatBundle, export.CompressZstd},
		{"out.log", export.FormatRaw, export.CompressNone},
		{"out.data", export.FormatNDJSON, export.CompressNone}, // the dialog's default stays
	}
	for _, c := range cases {
		t.Run(c.typed, func(t *testing.T) {
			m := drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", c.typed)...)
			if m.dialog.Settings().Format != c.format || m.dialog.Settings().Compress != c.compress {
				t.Errorf("format %v, compression %v; want %v, %v", m.dialog.Settings().Format, m.dialog.Settings().Compress, c.format, c.compress)
			}
			if strings.Contains(screen(m), "does not end in") && c.typed != "out.data" {
				t.Errorf("a warning for a name that chose the format:\n%s", screen(m))
			}
		})
	}
}
