package exportdialog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model/export"
	"connlog/ui/internal/uitest"
)

// startWrite presses enter in the dialog and returns the write command
// without running it, so that a test controls when the export runs.
func startWrite(t *testing.T, d Model) (Model, tea.Cmd) {
	t.Helper()
	d, cmd := d.Update(keyMsgs("enter")[0])
	if d.State() != Writing || cmd == nil {
		t.Fatalf("state %v after enter; want writing", d.State())
	}
	batch, ok := call(t, cmd).(tea.BatchMsg)
	if !ok || len(batch) < 1 {
		t.Fatalf("enter gave %T; want the write and the progress tick", batch)
	}
	return d, batch[0] // start batches the write first, then the tick
}

// typePath puts the keyboard on the path and replaces it.
func typePath(t *testing.T, d Model, path string) Model {
	t.Helper()
	return send(t, d, "up", "ctrl+u", path)
}

// TestEscCancelsTheWrite: esc while writing stops the export, leaves no
// file and says so.
func TestEscCancelsTheWrite(t *testing.T) {
	dir := t.TempDir()
	d, write := startWrite(t, typePath(t, newDialog(t, 50), filepath.Join(dir, "x.ndjson")))
	d = send(t, d, "esc") // cancels before the write has run
	done, ok := call(t, write).(doneMsg)
	if !ok || !errors.Is(done.err, export.ErrCancelled) {
		t.Fatalf("write returned %+v; want a cancelled export", done)
	}
	d, _ = d.Update(done)
	if d.State() != Editing || !strings.Contains(screen(d), "cancelled: nothing was written") {
		t.Errorf("state %v; want editing with the cancellation said:\n%s", d.State(), screen(d))
	}
	if names := dirEntries(t, dir); len(names) != 0 {
		t.Errorf("cancelled export left %v", names)
	}
}

// TestAbortWaitsForTheTempFile: quitting calls Abort, which cancels the
// write and returns only once the temp file is gone.
func TestAbortWaitsForTheTempFile(t *testing.T) {
	dir := t.TempDir()
	d, write := startWrite(t, typePath(t, newDialog(t, 50), filepath.Join(dir, "x.ndjson")))
	cancelled, aborted := make(chan struct{}), make(chan struct{})
	cancel := d.cancel
	d.cancel = func() { cancel(); close(cancelled) }
	var got Aborted
	var ok bool
	go func() { got, ok = d.Abort(); close(aborted) }()
	uitest.Within(t, cancelled, 5*time.Second, "the cancellation")
	select {
	case <-aborted:
		t.Fatal("Abort returned before the write had finished")
	default:
	}
	done, _ := call(t, write).(doneMsg)
	uitest.Within(t, aborted, 5*time.Second, "Abort's return")
	if !errors.Is(done.err, export.ErrCancelled) {
		t.Errorf("write returned %v; want cancelled", done.err)
	}
	if names := dirEntries(t, dir); len(names) != 0 {
		t.Errorf("aborted export left %v", names)
	}
	if want := (Aborted{Path: filepath.Join(dir, "x.ndjson")}); !ok || got != want {
		t.Errorf("Abort said %+v, %v; want %+v: the export cancelled, nothing written", got, ok, want)
	}
}

// TestAbortIdle: with no write running Abort returns at once, and says
// it stopped none.
func TestAbortIdle(t *testing.T) {
	d := newDialog(t, 5)
	finished := make(chan struct{})
	var ok bool
	go func() { _, ok = d.Abort(); close(finished) }()
	uitest.Within(t, finished, 5*time.Second, "Abort with no write running")
	if ok {
		t.Error("Abort with no write running says it stopped one")
	}
}

// TestAbortAfterTheWriteEnded: a write that ended before the program
// quit, its result not yet shown, is said to be written.
func TestAbortAfterTheWriteEnded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ndjson")
	d, write := startWrite(t, typePath(t, newDialog(t, 5), path))
	if done, _ := call(t, write).(doneMsg); done.err != nil {
		t.Fatal(done.err)
	}
	got, ok := d.Abort()
	if want := (Aborted{Path: path, Written: true, Entries: 5}); !ok || got != want {
		t.Errorf("Abort said %+v, %v; want %+v", got, ok, want)
	}
}

// TestWriteAndConfirm writes a file, then writes again to the same path:
// the dialog asks before replacing, and enter replaces it.
func TestWriteAndConfirm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.log")
	d := send(t, typePath(t, newDialog(t, 7), path), "enter")
	if d.State() != Done || d.Result().Entries != 7 || d.Result().Path != path {
		t.Fatalf("state %v (%s), result %+v; want 7 entries in %s", d.State(), d.Err(), d.Result(), path)
	}
	if d.Settings().Format != export.FormatRaw {
		t.Errorf("format %v; want raw from the .log name", d.Settings().Format)
	}
	if s := screen(d); !strings.Contains(s, "wrote "+path) || !strings.Contains(s, "7 entries") {
		t.Errorf("the result is not said:\n%s", s)
	}
	d = send(t, d, "enter")
	if d.IsOpen() {
		t.Fatal("enter on the result does not close the dialog")
	}
	d, cmd := d.Open(d.Source(), []Scope{ScopeView}, ScopeView)
	d = send(t, typePath(t, run(t, d, cmd), path), "enter")
	if d.State() != Confirm || !strings.Contains(screen(d), path+" exists") {
		t.Fatalf("state %v; want a question before replacing:\n%s", d.State(), screen(d))
	}
	d = send(t, d, "enter")
	if d.State() != Done {
		t.Fatalf("state %v (%s) after confirming; want done", d.State(), d.Err())
	}
	if b, err := os.ReadFile(path); err != nil || strings.Count(string(b), "\n") != 7 {
		t.Errorf("the file holds %q, %v; want 7 lines", b, err)
	}
}
