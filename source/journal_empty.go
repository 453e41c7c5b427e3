package source

import (
	"errors"
	"fmt"
	"strings"
)

// journalNamesError is checkJournalNames's or a glob's refusal of a unit
// or identifier, said as the journal being empty when it holds no entry
// at all: "the journal has no unit twingate-connector.service" would send
// the user hunting for the right name where there is none to find.
func journalNamesError(sd journalReader, opts JournalOptions, unknown error) error {
	if !errors.Is(unknown, ErrJournalUnknownUnit) {
		return unknown
	}
	empty, err := journalHoldsNothing(sd)
	if err != nil || !empty {
		return unknown
	}
	return journalEmptyError(opts)
}

// journalHoldsNothing reports whether the journal holds no entry: no boot,
// unit or identifier, which every entry journald writes has at least one
// of. The lists are those the journal files index, cheap to read.
func journalHoldsNothing(sd journalReader) (bool, error) {
	for _, field := range []string{journalFieldBootID, journalFieldUnit, journalFieldIdentifier} {
		values, err := sd.UniqueValues(field)
		if err != nil || len(values) > 0 {
			return false, err
		}
	}
	return true, nil
}

// journalEmptyError says which journal is empty and what to do about it.
func journalEmptyError(opts JournalOptions) error {
	switch {
	case opts.Directory != "":
		return fmt.Errorf("%w: no entries could be read in %s: check that these are the journal files meant "+
			"(connlog --list-boots -D %s lists what they hold)", ErrJournalEmpty, opts.Directory, opts.Directory)
	case len(opts.Files) > 0:
		files := strings.Join(opts.Files, " ")
		return fmt.Errorf("%w: no entries could be read in %s: check that these are the journal files meant "+
			"(connlog --list-boots --file %s lists what they hold)", ErrJournalEmpty, files, opts.Files[0])
	}
	return fmt.Errorf("%w: no entries could be read in this machine's journal (/var/log/journal, /run/log/journal): "+
		"check that journald keeps one (journalctl; Storage= in journald.conf), "+
		"or name what to read: log files, -D DIR or --file FILE", ErrJournalEmpty)
}
