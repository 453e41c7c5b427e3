// Command connlog is a live log explorer for zero-trust network connector
// hosts: it follows the journal, log files or standard input, parses service
// lines, connection events, audit, flow and session records, and shows them
// in a filterable table — or exports a selection headless.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// version is set at build time: -ldflags "-X main.version=…".
var version = "dev"

func main() {
	stopProfile, err := startCPUProfile(os.Getenv(envCPUProfile))
	if err != nil {
		sayError(os.Stderr, err)
		os.Exit(2)
	}
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if err := stopProfile(); err != nil {
		sayError(os.Stderr, err)
	}
	os.Exit(code)
}

// run is main with its dependencies passed in, so tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "summary" {
		return runSummaryCommand(args[1:], stdin, stdout, stderr)
	}
	cfg, err := parseArgsWith(args, stderr, pipedIn(stdin))
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		sayError(stderr, err)
		fmt.Fprintln(stderr, "Run connlog -h for the flags.")
		return 2
	}
	if cfg.Version {
		fmt.Fprintln(stdout, "connlog", version)
		return 0
	}
	if cfg.ListBoots {
		if err := listBoots(cfg, stdout, stderr); err != nil {
			sayError(stderr, err)
			return 1
		}
		return 0
	}
	command := "connlog"
	if cfg.Export {
		command = "connlog export"
	}
	if err := refuseTerminalInput(cfg.Files, stdin, command); err != nil {
		sayError(stderr, err)
		return 2
	}
	// An SSH drop (SIGHUP) and a service manager (SIGTERM) end connlog as ^C
	// does: cleanly, with no temp file left and the terminal restored.
	ctx, stop := notifyStop(context.Background())
	defer stop()
	if cfg.Export {
		err = runExport(ctx, cfg, stdin, stdout, stderr)
	} else {
		err = runTUI(ctx, cfg, stdin)
	}
	return exitStatus(err, stderr, func() {
		if cfg.Export {
			sayStdinUnread(stderr, cfg, stdin, "export")
		}
	})
}

// exitStatus says err, then what sayMore adds, and returns the status
// connlog, its export and its summary end with: 0 without an error, 2 for a
// usage error, 3 for a loss --fail-on-loss asked to fail on, 1 for any
// other; a standard output whose reader went away ends it quietly, as a
// program SIGPIPE ended is reported (see closedPipe).
func exitStatus(err error, stderr io.Writer, sayMore func()) int {
	switch {
	case err == nil:
		return 0
	case errors.As(err, new(closedPipe)):
		return exitClosedPipe
	}
	sayError(stderr, err)
	sayMore()
	switch {
	case errors.As(err, new(usageError)):
		return 2
	case errors.As(err, new(lossError)):
		return 3
	}
	return 1
}

// sayStdinUnread follows the error of an export or a summary that read the
// journal because no input was named, when lines were piped in: from a
// script, standard input is seldom the logs, so it is read only when named
// ("-"), and the journal's error alone would not say why the lines piped
// in were not read (`some-command | connlog export`).
func sayStdinUnread(stderr io.Writer, cfg Config, stdin io.Reader, command string) {
	if cfg.readsJournalUnnamed() && pipedIn(stdin) {
		fmt.Fprintf(stderr, "connlog: %s read the journal, not standard input: to read the lines piped in, name them as the input: connlog %s [flags] -\n", command, command)
	}
}
