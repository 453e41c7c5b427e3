package main

import (
	"fmt"
	"io"

	"connlog/model"
	"connlog/model/export"
)

// lossError ends an export that met gaps when --fail-on-loss asked for it:
// exit status 3, so that a script tells it from a failure (1) and a usage
// error (2).
type lossError struct{ summary string }

func (e lossError) Error() string {
	return "the exported range has gaps (" + e.summary + ") and --fail-on-loss was given"
}

// reportLoss says on stderr, in one line, what the exported range lost,
// and turns it into an error when --fail-on-loss was given.
func reportLoss(cfg Config, losses model.Ledger, stderr io.Writer) error {
	// A reason may name a file (a corrupt compressed rotation): made inert
	// for the terminal.
	summary := export.Sanitize(losses.Summary())
	if summary == "" {
		return nil
	}
	if cfg.FailOnLoss {
		return lossError{summary}
	}
	fmt.Fprintf(stderr, "connlog: warning: the exported range has gaps — %s; query kind:gap to see them\n", summary)
	return nil
}

// sayLoss says on stderr what the range of an export that failed but kept
// its output lost: the failure, not the gaps, sets its exit status.
func sayLoss(losses model.Ledger, stderr io.Writer) {
	_ = reportLoss(Config{}, losses, stderr)
}
