package main

import (
	"fmt"
	"io"

	"connlog/model"
	"connlog/model/inert"
)

// lossError ends an export or a summary that met gaps when --fail-on-loss
// asked for it: exit status 3, so that a script tells it from a failure (1)
// and a usage error (2).
type lossError struct{ what, summary string }

func (e lossError) Error() string {
	return "the " + e.what + " range has gaps (" + e.summary + ") and --fail-on-loss was given"
}

// reportLoss says on stderr, in one line, what the range lost (what is
// "exported" or "summarised"), and turns it into an error when
// --fail-on-loss was given.
func reportLoss(cfg Config, what string, losses model.Ledger, stderr io.Writer) error {
	// A reason may name a file (a corrupt compressed rotation): made inert
	// for the terminal.
	summary := inert.Sanitize(losses.Summary())
	if summary == "" {
		return nil
	}
	if cfg.FailOnLoss {
		return lossError{what, summary}
	}
	fmt.Fprintf(stderr, "connlog: warning: the %s range has gaps — %s; query kind:gap to see them\n", what, summary)
	return nil
}

// sayLoss says on stderr what the range of an export that failed but kept
// its output lost, or of a summary that failed or was interrupted: the
// failure, not the gaps, sets its exit status.
func sayLoss(what string, losses model.Ledger, stderr io.Writer) {
	_ = reportLoss(Config{}, what, losses, stderr)
}
