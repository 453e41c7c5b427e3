package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/export"
)

// TestExportDialogFailureKeepsSettings: a failed write goes back to the
// settings as they were, with the keyboard on the path, rather than
// closing the dialog and losing them.
func TestExportDialogFailureKeepsSettings(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-dir", "x.csv")
	m := drive(t, goldenModel(t, 120, 40), keys("x", "down", "right", "up", "up", "ctrl+u", missing, "enter")...)
	if m.dialog.state != DialogFailed || !strings.Contains(m.dialog.err, "does not exist — create it or choose another path") {
		t.Fatalf("state %v, error %q; want failed with what to do", m.dialog.state, m.dialog.err)
	}
	if s := screen(m); !strings.Contains(s, "export failed:") || !strings.Contains(s, "choose another path") {
		t.Errorf("the error is not shown whole:\n%s", s)
	}
	m = drive(t, m, keys("esc")...)
	if !m.dialog.IsOpen() || m.dialog.state != DialogEditing || m.dialog.field != fieldPath {
		t.Fatalf("after esc: open %v, state %v, field %v; want editing the path", m.dialog.IsOpen(), m.dialog.state, m.dialog.field)
	}
	if m.dialog.set.format != export.FormatCSV || m.dialog.pathIn.Value() != missing {
		t.Errorf("settings lost: format %v, path %q", m.dialog.set.format, m.dialog.pathIn.Value())
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
			if m.dialog.state != DialogDone {
				t.Fatalf("state %v (%s); want done", m.dialog.state, m.dialog.err)
			}
			want := filepath.Join(dir, filepath.Base(m.dialog.plan.defaultName))
			if m.dialog.result.Path != want {
				t.Errorf("wrote %q; want %q", m.dialog.result.Path, want)
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
			if got := m.dialog.pathIn.Value(); got != c.want {
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

// TestExportDialogNothingToWrite: enter on an empty window says why
// nothing happens instead of ignoring the key.
func TestExportDialogNothingToWrite(t *testing.T) {
	m := drive(t, goldenModel(t, 120, 40), keys("x", "right", "down", "2020-01-01", "down", "2020-01-02", "enter")...)
	if m.dialog.state != DialogEditing || !strings.Contains(screen(m), "nothing to write: the time window has no entries") {
		t.Errorf("state %v; want editing with a notice:\n%s", m.dialog.state, screen(m))
	}
}

// startWrite presses enter in the dialog and returns the write command
// without running it, so that a test controls when the export runs.
func startWrite(t *testing.T, m Model) (Model, tea.Cmd) {
	t.Helper()
	nm, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m = nm.(Model)
	if m.dialog.state != DialogWriting || cmd == nil {
		t.Fatalf("state %v after enter; want writing", m.dialog.state)
	}
	batch, ok := callCmd(t, func() tea.Msg { return cmd() }).(tea.BatchMsg)
	if !ok || len(batch) < 1 {
		t.Fatalf("enter gave %T; want the write and the progress tick", batch)
	}
	return m, batch[0] // start batches the write first, then the tick
}

// TestExportDialogEscCancelsTheWrite: esc while writing stops the export,
// leaves no file and says so.
func TestExportDialogEscCancelsTheWrite(t *testing.T) {
	dir := t.TempDir()
	m := drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", filepath.Join(dir, "x.ndjson"))...)
	m, write := startWrite(t, m)
	m = drive(t, m, keys("esc")...) // cancels before the write has run
	done, ok := callCmd(t, write).(exportDoneMsg)
	if !ok || !errors.Is(done.err, export.ErrCancelled) {
		t.Fatalf("write returned %+v; want a cancelled export", done)
	}
	m = drive(t, m, done)
	if m.dialog.state != DialogEditing || !strings.Contains(screen(m), "cancelled: nothing was written") {
		t.Errorf("state %v; want editing with the cancellation said:\n%s", m.dialog.state, screen(m))
	}
	if names := dirEntries(t, dir); len(names) != 0 {
		t.Errorf("cancelled export left %v", names)
	}
}

// TestAbortExportWaitsForTheTempFile: quitting calls AbortExport, which
// cancels the write and returns only once the temp file is gone.
func TestAbortExportWaitsForTheTempFile(t *testing.T) {
	dir := t.TempDir()
	m := drive(t, goldenModel(t, 120, 40), keys("x", "up", "ctrl+u", filepath.Join(dir, "x.ndjson"))...)
	m, write := startWrite(t, m)
	cancelled, aborted := make(chan struct{}), make(chan struct{})
	cancel := m.dialog.cancel
	m.dialog.cancel = func() { cancel(); close(cancelled) }
	go func() { m.AbortExport(); close(aborted) }()
	<-cancelled
	select {
	case <-aborted:
		t.Fatal("AbortExport returned before the write had finished")
	default:
	}
	done, _ := callCmd(t, write).(exportDoneMsg)
	<-aborted
	if !errors.Is(done.err, export.ErrCancelled) {
		t.Errorf("write returned %v; want cancelled", done.err)
	}
	if names := dirEntries(t, dir); len(names) != 0 {
		t.Errorf("aborted export left %v", names)
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

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// TestCompleteDirectories: tab completes the last element to directories.
func TestCompleteDirectories(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"logs", "exports-a", "exports-b", ".hidden"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "logfile"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "logs"), filepath.Join(root, "linked")); err != nil {
		t.Fatal(err)
	}
	sep := string(filepath.Separator)
	cases := []struct {
		name, typed, want string
		matches           []string
	}{
		{"one directory, a file beside it", root + sep + "lo", root + sep + "logs" + sep, []string{"logs"}},
		{"several: the common prefix", root + sep + "ex", root + sep + "exports-", []string{"exports-a", "exports-b"}},
		{"a link to a directory", root + sep + "lin", root + sep + "linked" + sep, []string{"linked"}},
		{"hidden only when asked", root + sep + ".h", root + sep + ".hidden" + sep, []string{".hidden"}},
		{"no match", root + sep + "zz", root + sep + "zz", nil},
		{"missing parent", root + sep + "nope" + sep + "x", root + sep + "nope" + sep + "x", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg := callCmd(t, completeCmd(c.typed, 7)).(completeMsg)
			if msg.gen != 7 || msg.value != c.want || !slices.Equal(msg.matches, c.matches) {
				t.Errorf("got %q %v (gen %d); want %q %v", msg.value, msg.matches, msg.gen, c.want, c.matches)
			}
		})
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

func TestExpandHome(t *testing.T) {
	t.Setenv("HOME", "/home/op")
	cases := []struct{ in, want string }{
		{"~", "/home/op"},
		{"~/x.log", "/home/op/x.log"},
		{"~other/x.log", "~other/x.log"},
		{"./~/x", "./~/x"},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := expandHome(c.in); got != c.want {
				t.Errorf("expandHome(%q) = %q; want %q", c.in, got, c.want)
			}
		})
	}
}

// TestTimeSpan: the range covers every sampled time, in whatever order the
// entries came.
func TestTimeSpan(t *testing.T) {
	e := func(ms int) *model.Entry { return &model.Entry{Time: at(ms)} }
	cases := []struct {
		name        string
		entries     []*model.Entry
		first, last time.Time
	}{
		{"none", nil, time.Time{}, time.Time{}},
		{"in order", []*model.Entry{e(1), e(2), e(3)}, at(1), at(3)},
		{"out of order", []*model.Entry{e(5), e(1), e(9), e(2)}, at(1), at(9)},
		{"untimed entries are left out", []*model.Entry{{}, e(4), {}}, at(4), at(4)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			first, last := timeSpan(c.entries)
			if !first.Equal(c.first) || !last.Equal(c.last) {
				t.Errorf("timeSpan = %v, %v; want %v, %v", first, last, c.first, c.last)
			}
		})
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
			if m.dialog.set.format != c.format || m.dialog.set.compress != c.compress {
				t.Errorf("format %v, compression %v; want %v, %v", m.dialog.set.format, m.dialog.set.compress, c.format, c.compress)
			}
			if strings.Contains(screen(m), "does not end in") && c.typed != "out.data" {
				t.Errorf("a warning for a name that chose the format:\n%s", screen(m))
			}
		})
	}
}
