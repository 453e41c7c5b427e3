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

// explainNothingRead is why a read of the journal found no line, when it
// is a mistake: a unit or identifier the journal has never seen, or a
// journal that holds no entry at all. With every unit read no name can be
// wrong, but an empty journal must not pass for a quiet one either, unless
// no line was asked for (-n 0: only what is written from now on). It is
// nil when the journal holds entries, only none that the boot or window
// selects.
func explainNothingRead(sd journalReader, sel journalSelection, opts JournalOptions) error {
	if !sel.allUnits {
		if err := checkJournalNames(sd, sel); err != nil {
			return journalNamesError(sd, opts, err)
		}
		return nil
	}
	if opts.Lines == 0 {
		return nil
	}
	if empty, err := journalHoldsNothing(sd); err == nil && empty {
		return journalEmptyError(opts)
	}
	return nil
}

// journalFieldConnlogSource names the input of a line in connlog's own
// journal export, which has none of the fields journald writes.
const journalFieldConnlogSource = "CONNLOG_SOURCE"

// journalHeldFields are fields of which every entry has at least one: a
// boot, unit, identifier, transport or host, which journald writes, or
// the input or kind of connlog's own export of lines and marks (imported
// with systemd-journal-remote, whose boot is not indexed). Each has few
// values, cheap to list, unlike MESSAGE.
var journalHeldFields = []string{journalFieldBootID, journalFieldUnit, journalFieldIdentifier, journalFieldTransport,
	journalFieldHostname, journalFieldConnlogSource, journalFieldConnlogKind}

// journalHoldsNothing reports whether the journal holds no entry: none of
// journalHeldFields has a value. The lists are those the journal files
// index, cheap to read.
func journalHoldsNothing(sd journalReader) (bool, error) {
	for _, field := range journalHeldFields {
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
