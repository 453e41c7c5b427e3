package main

import (
	"context"
	"errors"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/ui/exportdialog"
)

// The context ends when a stop signal arrives, and its cause names the
// signal, which the interface's last words repeat.
func TestNotifyStopNamesTheSignal(t *testing.T) {
	ctx, stop := notifyStop(context.Background())
	defer stop()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("SIGHUP did not end the context")
	}
	if got, want := context.Cause(ctx), (stopped{"interrupted by SIGHUP"}); got != want {
		t.Errorf("cause %v, want %v", got, want)
	}
}

// A signal that stops the interface in the middle of an export says, once
// the terminal is restored, that the export was cancelled (exit 1); with
// no export it ends the interface as q does; an export that had ended is
// said to be written.
func TestInterfaceStopped(t *testing.T) {
	sig, gone := stopped{"interrupted by SIGTERM"}, errTerminalGone
	cases := []struct {
		name      string
		why       error
		aborted   exportdialog.Aborted
		running   bool
		note, err string
	}{
		{name: "no export", why: sig},
		{name: "writing", why: sig, aborted: exportdialog.Aborted{Path: "/x/a.ndjson"}, running: true,
			err: "interrupted by SIGTERM: the export to /x/a.ndjson was cancelled; nothing was written"},
		{name: "terminal gone", why: gone, aborted: exportdialog.Aborted{Path: "/x/a.ndjson"}, running: true,
			err: "the terminal went away: the export to /x/a.ndjson was cancelled; nothing was written"},
		{name: "waiting", why: sig, aborted: exportdialog.Aborted{Path: "/x/a.ndjson", Waiting: true}, running: true,
			err: "interrupted by SIGTERM while the export to /x/a.ndjson waited for the input's indexing to end: the export was cancelled; nothing was written"},
		{name: "written", why: sig, aborted: exportdialog.Aborted{Path: "/x/a.ndjson", Written: true, Entries: 3}, running: true,
			note: "connlog: interrupted by SIGTERM as the export ended: /x/a.ndjson was written whole (3 entries)"},
		{name: "hostile path", why: sig, aborted: exportdialog.Aborted{Path: "/x/\x1b]0;t\a.csv", Written: true, Entries: 1}, running: true,
			note: "connlog: interrupted by SIGTERM as the export ended: /x/␛]0;t\\x07.csv was written whole (1 entry)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			note, err := interfaceStopped(tc.why, tc.aborted, tc.running)
			if note != tc.note {
				t.Errorf("note %q, want %q", note, tc.note)
			}
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || err.Error() != tc.err) {
				t.Errorf("error %v, want %q", err, tc.err)
			}
			if err != nil && errors.As(err, new(usageError)) {
				t.Error("a cancelled export is no usage error")
			}
		})
	}
}

// Quit by the user (a second quit key while an export is busy), the
// interface says on exit that the export was cancelled, as a signal does,
// and exits 1; with no export, quitting says nothing; a signal is said as
// before, and an error of the program is its own.
func TestInterfaceEndedByAQuitSaysTheExportWasCancelled(t *testing.T) {
	live := context.Background()
	writing := exportdialog.Aborted{Path: "/x/a.ndjson"}
	if note, err := interfaceEnded(live, nil, writing, true); note != "" || err == nil ||
		err.Error() != "quit: the export to /x/a.ndjson was cancelled; nothing was written" {
		t.Errorf("quit while writing: note %q, error %v", note, err)
	}
	if note, err := interfaceEnded(live, nil, exportdialog.Aborted{}, false); note != "" || err != nil {
		t.Errorf("quit with no export: note %q, error %v", note, err)
	}
	ctx, cancel := context.WithCancelCause(live)
	cancel(stopped{"interrupted by SIGTERM"})
	if _, err := interfaceEnded(ctx, tea.ErrProgramKilled, writing, true); err == nil ||
		err.Error() != "interrupted by SIGTERM: the export to /x/a.ndjson was cancelled; nothing was written" {
		t.Errorf("a signal while writing: error %v", err)
	}
	failed := errors.New("cannot open /dev/tty")
	if _, err := interfaceEnded(live, failed, exportdialog.Aborted{}, false); !errors.Is(err, failed) {
		t.Errorf("a failed program: error %v, want %v", err, failed)
	}
}
