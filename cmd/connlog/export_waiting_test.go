package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"connlog/model"
)

// TestExportFollowSaysWhileItWaits: `export -f` of a file that is not there
// yet says so on standard error, and says again when the file comes, as
// tail -F does; the line the file brings is written.
func TestExportFollowSaysWhileItWaits(t *testing.T) {
	dir := t.TempDir()
	p := startConnlog(t, dir, "export", "-f", "--format", "raw", "late.log")
	p.waitStderr(t, "connlog: waiting for late.log\n")
	if err := os.WriteFile(filepath.Join(dir, "late.log"), []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.waitStdout(t, "hello\n")
	p.waitStderr(t, "connlog: late.log is there now: following it\n")
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := p.wait(t); code != 0 {
		t.Errorf("exit %d, stderr %q", code, p.stderr.String())
	}
}

// TestExportFollowOfAFormatNameHints: `export -f text app.log`, -f meant as
// the format, follows a file named "text": the note says how to choose the
// format, and the file that is there is read all the same.
func TestExportFollowOfAFormatNameHints(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.log"), []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := startConnlog(t, dir, "export", "-f", "text", "app.log")
	p.waitStderr(t, "connlog: waiting for text (-f is --follow; to choose the format, write --format text)\n")
	p.waitStdout(t, "one")
}

// TestWaitNotes: each waiting state is told once, a file found again is
// told once, and an input that ends while waited for is not said to be
// there (an interrupted follow ends every input).
func TestWaitNotes(t *testing.T) {
	var out strings.Builder
	n := &waitNotes{w: &out}
	waiting := model.SourceStatus{Name: "a.log", State: "waiting for a.log"}
	removed := model.SourceStatus{Name: "a.log", State: "waiting for a.log (it was removed or renamed)"}
	following := model.SourceStatus{Name: "a.log", State: "following"}
	done := model.SourceStatus{Name: "a.log", State: "done", Done: true}
	other := model.SourceStatus{Name: "b.log", State: "following"}
	for _, st := range [][]model.SourceStatus{
		{waiting, other}, {waiting, other}, {following, other}, {following, other},
		{removed, other}, {removed, other}, {done, other},
	} {
		n.note(st)
	}
	want := "connlog: waiting for a.log\n" +
		"connlog: a.log is there now: following it\n" +
		"connlog: waiting for a.log (it was removed or renamed)\n"
	if out.String() != want {
		t.Errorf("notes:\n%s\nwant:\n%s", out.String(), want)
	}
}

// TestWaitNotesTellAFailedInputAtOnce: a followed export runs until it is
// stopped; an input that fails meanwhile is told once, when it fails, not
// only when the export ends.
func TestWaitNotesTellAFailedInputAtOnce(t *testing.T) {
	var out strings.Builder
	n := &waitNotes{w: &out}
	ok := model.SourceStatus{Name: "a.log", State: "following"}
	failed := model.SourceStatus{Name: "b.log", State: "down", Done: true, Err: "open b.log: too many open files"}
	for _, st := range [][]model.SourceStatus{{ok}, {ok, failed}, {ok, failed}} {
		n.note(st)
	}
	want := "connlog: b.log: open b.log: too many open files — its lines are missing from the export, which goes on with the others\n"
	if out.String() != want {
		t.Errorf("notes:\n%s\nwant:\n%s", out.String(), want)
	}
}

// TestWaitNotesAreInert: a path holding escape sequences is told without
// them reaching the terminal.
func TestWaitNotesAreInert(t *testing.T) {
	var out strings.Builder
	n := &waitNotes{w: &out}
	n.note([]model.SourceStatus{{Name: "x\x1b]0;pwned\x07.log", State: "waiting for x\x1b]0;pwned\x07.log"}})
	if strings.ContainsAny(out.String(), "\x1b\x07") {
		t.Errorf("note not made inert: %q", out.String())
	}
}

// TestWaitNotesTellAStoreDownAndBack: a followed store that stops
// answering is told once when it goes down (its state counts the seconds)
// and once when it answers again, so that a pipeline does not take an
// outage for a quiet fleet.
func TestWaitNotesTellAStoreDownAndBack(t *testing.T) {
	var out strings.Builder
	n := &waitNotes{w: &out}
	live := model.SourceStatus{Name: "logs:9428", State: model.StateLive}
	down5 := model.SourceStatus{Name: "logs:9428", State: "down, no answer for 5s"}
	down6 := model.SourceStatus{Name: "logs:9428", State: "down, no answer for 6s"}
	retry := model.SourceStatus{Name: "logs:9428", State: "down, retrying in 2s: the store closed the live tail"}
	back := model.SourceStatus{Name: "logs:9428", State: "back, re-reading missed entries"}
	for _, st := range [][]model.SourceStatus{{live}, {down5}, {down6}, {retry}, {back}, {live}} {
		n.note(st)
	}
	want := "connlog: logs:9428: down, no answer for 5s — the export goes on when it answers\n" +
		"connlog: logs:9428 answers again: following it\n"
	if out.String() != want {
		t.Errorf("notes:\n%s\nwant:\n%s", out.String(), want)
	}
}

// TestWaitNotesTellLateEntries: an entry a followed store hands on after
// newer ones were written cannot take its place by time in a stream: it is
// written when it comes, and standard error says so, with the host (made
// inert) and time of the latest, at most once a minute (a host whose clock
// runs ahead makes the others' entries late all the time) and at the end.
func TestWaitNotesTellLateEntries(t *testing.T) {
	var out strings.Builder
	clock := time.Date(2026, 2, 10, 8, 0, 5, 0, time.UTC)
	n := &waitNotes{w: &out, now: func() time.Time { return clock }}
	at := time.Date(2026, 2, 10, 8, 0, 0, 300e6, time.UTC)
	live := model.SourceStatus{Name: "logs:9428", State: model.StateLive}
	late := func(count int64, at time.Time, host string) model.SourceStatus {
		st := live
		st.Late = model.LateRows{Count: count, Time: at, Host: host}
		return st
	}
	n.note([]model.SourceStatus{live})
	n.note([]model.SourceStatus{late(1, at, "gw-fra-1")})
	n.note([]model.SourceStatus{late(1, at, "gw-fra-1")})
	clock = clock.Add(30 * time.Second)
	n.note([]model.SourceStatus{late(2, at.Add(time.Second), "gw-fra-2")}) // within the minute: not yet
	clock = clock.Add(30 * time.Second)
	n.note([]model.SourceStatus{late(3, at.Add(2*time.Second), "gw\x1b]0;x\x07")})
	end := late(4, at.Add(3*time.Second), "gw-fra-1")
	end.Done = true
	n.note([]model.SourceStatus{end})
	tail := ": written now, after them — `connlog export` without -f writes in time order\n"
	want := "connlog: logs:9428: 1 entry came from the store after newer ones were written (the latest: 2026-02-10T08:00:00.300Z, host gw-fra-1)" + tail +
		"connlog: logs:9428: 2 more entries came from the store after newer ones were written (the latest: 2026-02-10T08:00:02.300Z, host gw␛]0;x\\x07)" + tail +
		"connlog: logs:9428: 1 more entry came from the store after newer ones were written (the latest: 2026-02-10T08:00:03.300Z, host gw-fra-1)" + tail
	if out.String() != want {
		t.Errorf("notes:\n%q\nwant:\n%q", out.String(), want)
	}
}
