package source

import (
	"errors"
	"fmt"
	"strings"
)

// Errors the journald source returns, wrapped with context; compare with
// errors.Is. Each says what to do about it.
var (
	// ErrLibsystemdUnavailable is returned for --journal-reader libsystemd
	// by builds without cgo or for other systems than Linux.
	ErrLibsystemdUnavailable = errors.New("this connlog was built without cgo and cannot call libsystemd: " +
		"leave out --journal-reader to use connlog's own journal reader (the default)")
	// ErrLibsystemdMissing is returned when libsystemd cannot be loaded at run time.
	ErrLibsystemdMissing = errors.New("libsystemd.so.0 not found: install libsystemd0 (apt-get install libsystemd0), " +
		"or leave out --journal-reader to use connlog's own journal reader (the default)")
	// ErrJournalPermission is returned when the user may read only their own
	// journal, which never holds a system service's lines.
	ErrJournalPermission = errors.New("connlog can read only your own journal: run with sudo or add your user to " +
		"the systemd-journal group (sudo usermod -aG systemd-journal $USER, then log in again)")
	// ErrJournalUnknownUnit is returned when a unit or identifier the user
	// asked for has no entry anywhere in the journal.
	ErrJournalUnknownUnit = errors.New("unknown unit or identifier")
	// ErrJournalEmpty is returned instead of ErrJournalUnknownUnit when the
	// journal holds no entry at all: no unit name would find one.
	ErrJournalEmpty = errors.New("the journal is empty")
)

// journalUnknownError explains which requested names the journal has never
// seen and suggests the closest ones it has. It returns nil when every name
// is known.
func journalUnknownError(units, haveUnits, idents, haveIdents []string) error {
	var parts []string
	for _, u := range journalMissing(units, haveUnits) {
		parts = append(parts, journalUnknownPart("unit", u, haveUnits))
	}
	for _, id := range journalMissing(idents, haveIdents) {
		parts = append(parts, journalUnknownPart("identifier", id, haveIdents))
	}
	if len(parts) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s; name another with -u/-t, or use --all-units to read every unit",
		ErrJournalUnknownUnit, strings.Join(parts, "; "))
}

// journalUnknownPart words one unknown name with its suggestions.
func journalUnknownPart(what, name string, have []string) string {
	s := fmt.Sprintf("the journal has no %s %q", what, name)
	if similar := journalSimilarNames(name, have, journalMaxSuggestions); len(similar) > 0 {
		s += fmt.Sprintf(" (%ss with a similar name: %s)", what, strings.Join(similar, ", "))
	}
	return s
}

// journalMissing returns the names of want that are not in have.
func journalMissing(want, have []string) []string {
	known := make(map[string]bool, len(have))
	for _, h := range have {
		known[h] = true
	}
	var out []string
	for _, w := range want {
		if !known[w] {
			out = append(out, w)
		}
	}
	return out
}

// journalLibraryMissing reports whether an error from opening the journal
// means libsystemd could not be loaded. go-systemd returns an unexported
// sentinel from an internal package, so only its text can be compared.
func journalLibraryMissing(err error) bool {
	return err != nil && strings.Contains(err.Error(), "unable to open a handle to the library")
}
