package source

import (
	"fmt"

	"connlog/source/journalfile"
)

// CheckJournalCursor refuses a --cursor or --after-cursor value (flag
// names which) that is no journal cursor at all: a mistake on the command
// line, told before the journal is opened. A cursor of the right form that
// names no entry of the journal read is not refused: reading starts where
// it would stand.
func CheckJournalCursor(flag, cursor string) error {
	if _, err := journalfile.ParseCursor(cursor); err != nil {
		return journalCursorError(flag, cursor, err)
	}
	return nil
}

// journalCursorError says that cursor, given to flag, is not a cursor,
// and where one comes from.
func journalCursorError(flag, cursor string, err error) error {
	return fmt.Errorf("%s %q: not a journal cursor (journalctl --show-cursor prints one, "+
		"and an export bundle's manifest its last_cursor): %w", flag, cursor, err)
}
