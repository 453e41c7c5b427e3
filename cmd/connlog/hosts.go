package main

import (
	"connlog/model/export"
	"connlog/source"
	"connlog/source/remote"
)

// fleetOfMany reports whether a log store is read for more than one host:
// every host, a pattern or several names. A store asked for one host
// alone is no fleet: the title names that host.
func fleetOfMany(cfg Config) bool {
	r := cfg.Remote
	return r.VictoriaLogs != "" && !(len(r.Hosts) == 1 && !remote.IsGlob(r.Hosts[0]))
}

// exportManyHosts reports whether an export's entries come, or may come,
// from several hosts, so that its text and CSV name each entry's host and
// its bundle counts them: a fleet of a log store, or a journal whose files
// hold entries of more than one host (copied off several machines). Only
// the formats that show it ask: a journal's hosts are read from its field
// index, which opens its files once more.
func exportManyHosts(cfg Config, format export.Format) bool {
	if cfg.Remote.VictoriaLogs != "" {
		return fleetOfMany(cfg)
	}
	if !readsJournal(cfg) || format != export.FormatText && format != export.FormatCSV && format != export.FormatBundle {
		return false
	}
	j, err := journalOptions(cfg, false)
	if err != nil {
		return false
	}
	hosts, err := source.JournalHosts(j)
	return err == nil && len(hosts) > 1
}
