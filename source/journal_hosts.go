package source

import "fmt"

// JournalHosts lists the hosts (_HOSTNAME) the journal opts names holds
// entries of, sorted, whatever the units, boots and times opts asks for:
// what its files' field index says, without reading an entry. A journal
// copied from several machines (a directory of their files, several
// --file) holds more than one, and its exports then name each entry's
// host.
func JournalHosts(opts JournalOptions) ([]string, error) {
	sd, err := openJournalReader(opts)
	if err != nil {
		return nil, err
	}
	defer sd.Close()
	hosts, err := sd.UniqueValues(journalFieldHostname)
	if err != nil {
		return nil, fmt.Errorf("list the journal's hosts: %w", err)
	}
	return hosts, nil
}
