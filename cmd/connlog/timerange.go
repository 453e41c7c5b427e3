package main

import (
	"fmt"
	"time"

	"connlog/model/query"
	"connlog/ui/theme"
)

// emptyRange refuses a time range that ends before it begins, since after
// until, as a usage error (exit 2) wherever the user gives one: it holds no
// entry whatever the input, so it is a mistake in the command, not a
// finding about the data (journalctl refuses it too). Each end is named as
// it was given (sinceName, untilName), and the message says what to do.
func emptyRange(since, until time.Time, sinceName, untilName string, loc *time.Location) error {
	if since.IsZero() || until.IsZero() || !since.After(until) {
		return nil
	}
	return usageError{fmt.Sprintf("the time range is empty: %s %s is after %s %s; give the earlier time to %s (or leave an end open)",
		sinceName, theme.Stamp(since, loc), untilName, theme.Stamp(until, loc), sinceName)}
}

// dayUnsettled reports whether a time written without a date still waits
// for the day of the data (standard input, settled by its first entry):
// its ends are not yet where they will fall, and a range of them cannot be
// judged before.
func dayUnsettled(cfg Config, texts ...string) bool {
	if cfg.data.rule != dayFirst {
		return false
	}
	for _, t := range texts {
		if query.NeedsDay(t) {
			return true
		}
	}
	return false
}
