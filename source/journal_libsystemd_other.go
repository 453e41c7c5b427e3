//go:build !linux || !cgo

package source

import "fmt"

// openLibsystemdJournal fails: this build cannot call libsystemd.
func openLibsystemdJournal(JournalOptions) (journalReader, error) {
	return nil, fmt.Errorf("--journal-reader %s: %w", JournalReaderLibsystemd, ErrLibsystemdUnavailable)
}
