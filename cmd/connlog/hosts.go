package main

import (
	"context"
	"time"

	"connlog/model"
	"connlog/model/decode"
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
func exportManyHosts(ctx context.Context, cfg Config, format export.Format) bool {
	if cfg.Remote.VictoriaLogs != "" {
		return fleetOfMany(cfg)
	}
	if format != export.FormatText && format != export.FormatCSV && format != export.FormatBundle {
		return false
	}
	if !readsJournal(cfg) {
		return filesOfManyHosts(ctx, cfg)
	}
	j, err := journalOptions(cfg, false)
	if err != nil {
		return false
	}
	hosts, err := source.JournalHosts(j)
	return err == nil && len(hosts) > 1
}

// filesOfManyHosts reports whether the files' entries name more than one
// host, by what the heads and the ends of the files hold (the probes that
// find the day of the data): files of several machines, or a syslog file
// that gathers them. Standard input cannot be looked at first.
func filesOfManyHosts(ctx context.Context, cfg Config) bool {
	inputs, err := source.ExpandInputs(cfg.Files, cfg.WithRotated)
	if err != nil {
		return false
	}
	dec := decode.Options{Envelope: cfg.Envelope, Location: time.Local}
	var feeds []source.Feed
	for i, in := range inputs {
		if in.Path == source.StdinPath {
			continue
		}
		for k, head := range []bool{true, false} {
			id := model.SourceID(2*i + k)
			if src := probeSource(in.Path, id, head, tailProbeBytes); src != nil {
				feeds = append(feeds, source.Feed{ID: id, Source: src, Decode: dec})
			}
		}
	}
	var hosts model.HostCounter
	source.Ingest(ctx, feeds, func(es []model.Entry, _ bool) {
		for i := range es {
			hosts.Note(es[i].Origin.HostName())
		}
	}, nil)
	return hosts.Many()
}
