package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/sys/unix"

	"connlog/model/inert"
	"connlog/ui/exportdialog"
	"connlog/ui/theme"
)

// stopSignals end connlog as ^C does: an SSH drop (SIGHUP), a service
// manager (SIGTERM) and a SIGQUIT too (whose default, a stack dump, would
// leave the terminal raw on the interface's screen), cleanly, with no temp
// file left and the terminal restored.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// stopped is why connlog was told to end: the cause of its context once
// one of stopSignals arrived, or the interface's terminal went away.
type stopped struct{ why string }

func (s stopped) Error() string { return s.why }

// errTerminalGone ends the interface as a SIGHUP would (see watchTerminal).
var errTerminalGone = stopped{"the terminal went away"}

// notifyStop returns a context that ends when one of stopSignals arrives,
// its cause (context.Cause) naming the signal; later signals are caught
// too, until stop.
func notifyStop(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, stopSignals...)
	go func() {
		select {
		case s := <-sig:
			cancel(stopped{"interrupted by " + signalName(s)})
		case <-ctx.Done():
		}
	}()
	return ctx, func() { signal.Stop(sig); cancel(nil) }
}

func signalName(s os.Signal) string {
	if n, ok := s.(syscall.Signal); ok && unix.SignalName(n) != "" {
		return unix.SignalName(n)
	}
	return s.String()
}

// interfaceStopped is how the interface ends when a signal or the loss of
// its terminal stopped it (why, from the context's cause), aborted being
// the export it stopped (ok false: none). With no export running that is
// a normal way to leave, as q is, and as a signal ends `export -f`. An
// export that was cancelled is an error that says so, said once the
// terminal is restored, exit 1 as for a headless export; one that had
// ended, written, is said too but is no error.
func interfaceStopped(why error, aborted exportdialog.Aborted, ok bool) (note string, err error) {
	var s stopped
	if !ok || !errors.As(why, &s) {
		return "", nil
	}
	path := inert.Sanitize(aborted.Path)
	switch {
	case aborted.Written:
		return fmt.Sprintf("connlog: %s as the export ended: %s was written whole (%s)", s, path, theme.Plural(aborted.Entries, "entry")), nil
	case aborted.Waiting:
		return "", fmt.Errorf("%s while the export to %s waited for the input's indexing to end: the export was cancelled; nothing was written", s, aborted.Path)
	}
	return "", fmt.Errorf("%s: the export to %s was cancelled; nothing was written", s, aborted.Path)
}

// errQuit is why the interface ended when the user quit it: with an export
// still busy, only after a second quit key (see ui's quitDuringExport).
var errQuit = stopped{"quit"}

// interfaceEnded is what connlog says, once the terminal is restored, of
// how the program ended (runErr, what tea.Program.Run returned): stopped
// by a signal or quit by the user, the export it cancelled (aborted, ok
// false: none) is said as interfaceStopped says it.
func interfaceEnded(ctx context.Context, runErr error, aborted exportdialog.Aborted, running bool) (note string, err error) {
	switch {
	case errors.Is(runErr, tea.ErrProgramKilled) && ctx.Err() != nil:
		return interfaceStopped(context.Cause(ctx), aborted, running)
	case runErr == nil:
		return interfaceStopped(errQuit, aborted, running)
	}
	return "", runErr
}
