package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"
)

// finishOnStop has a followed export's files, once a signal stops
// following, read what they hold on disk then, whatever took the path's
// place during a rotation's grace included, before the export ends: lines
// written before the signal are not lost. The function returned abandons
// that last read (the export can no longer write). A log store has no
// such last read: its follow ends at the signal, and a second one has
// nothing to abandon.
func finishOnStop(ctx context.Context, cfg *Config, stderr io.Writer) (abandon func()) {
	if !cfg.Follow || cfg.Remote.VictoriaLogs != "" {
		return func() {}
	}
	finishing, abandon := context.WithCancel(context.WithoutCancel(ctx))
	cfg.finish = finishing
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, stopSignals...)
	go func() {
		defer signal.Stop(sig)
		if abandonOnSecondSignal(sig, finishing, abandon, samePress) {
			fmt.Fprintln(stderr, "connlog: stopped at once: the rest of what the followed files held on disk was not read")
		}
	}()
	return abandon
}

// samePress is how soon after a stop signal another one is the same
// request, not a second: timeout(1) and a supervisor that signal the
// process and its group deliver each signal twice at once, and a person
// does not press ^C twice within a tenth of a second.
const samePress = 100 * time.Millisecond

// abandonOnSecondSignal abandons the last read of a followed export when a
// second signal comes after the one that stopped following: ^C twice ends
// at once, where reading a big file to its end could take minutes. A
// signal within same of the one before it is a copy of it (see samePress).
// It returns once the export is done (finishing is cancelled), reporting
// whether it abandoned the read. sig gets every stop signal, the first
// included.
func abandonOnSecondSignal(sig <-chan os.Signal, finishing context.Context, abandon func(), same time.Duration) bool {
	var last time.Time
	for seen := 0; seen < 2; {
		select {
		case <-sig:
			if now := time.Now(); last.IsZero() || now.Sub(last) >= same {
				seen++
				last = now
			}
		case <-finishing.Done():
			return false
		}
	}
	abandon()
	return true
}
