package main

import (
	"context"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
	"connlog/source"
)

// readsJournal reports whether the input is a journal, this machine's or
// one copied from another host, rather than files, the demo or a log store.
func readsJournal(cfg Config) bool {
	return len(cfg.Files) == 0 && !cfg.Demo && cfg.Remote.VictoriaLogs == ""
}

// windowMiss explains a read of a journal or a log store that sent
// nothing because its time window (since and until; a zero end is open)
// misses the input: "no entries on 2026-12-02; the input spans 2026-11-20
// 08:00–09:12". The window is pushed down to the journal or the store,
// which then sends nothing at all, so the oldest and newest entries of the
// units (and hosts) asked for are looked up afresh. It is "" when the
// window meets them, when there are none, for other inputs, and when the
// store does not answer (the read itself said so). A store that holds
// none of the hosts and units asked for says so, and holdsNone is set (see
// storeMiss).
func windowMiss(ctx context.Context, cfg Config, since, until time.Time, loc *time.Location) (note string, holdsNone bool) {
	if cfg.Remote.VictoriaLogs != "" {
		return storeMiss(ctx, cfg, since, until, loc)
	}
	if since.IsZero() && until.IsZero() || !readsJournal(cfg) {
		return "", false
	}
	first, last := time.Time{}, time.Time{}
	if last, _ = newestJournalEntry(ctx, cfg); !last.IsZero() && ctx.Err() == nil {
		first = oldestJournalEntry(ctx, cfg)
	}
	if last.IsZero() || ctx.Err() != nil {
		return "", false
	}
	return query.OutsideSpan(since, until, first, last, loc), false
}

// oldestJournalEntry is the time of the oldest entry of the journal cfg
// reads, of the units asked for and in the boot asked for, whatever the
// window; zero when there is none. It reads from the journal's head and
// stops at the first timed entry.
func oldestJournalEntry(ctx context.Context, cfg Config) time.Time {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	j := journalEndsOptions(cfg)
	j.Lines = -1
	dec := decode.Options{Envelope: cfg.Envelope, Location: time.Local}
	var oldest time.Time
	source.Ingest(ctx, []source.Feed{{ID: 0, Source: source.NewJournal(0, j), Decode: dec}}, func(es []model.Entry, _ bool) {
		for i := range es {
			if e := &es[i]; oldest.IsZero() && datedEntry(e) {
				oldest = e.Time
				stop()
			}
		}
	}, nil)
	return oldest
}

// journalEndsOptions reads the journal of cfg's units and boot, without
// its window, cursor or line count, and without following.
func journalEndsOptions(cfg Config) source.JournalOptions {
	j := source.JournalOptions{Units: cfg.Units, Identifiers: cfg.Identifiers, AllUnits: cfg.AllUnits,
		Directory: cfg.Directory, Files: cfg.JournalFile, Reader: cfg.JournalReader}
	if cfg.Boot.set {
		j.Boot = cfg.Boot.value
	}
	return j
}

// datedEntry reports whether e's time says when its line was written: not
// a time it inherited or was given as it was read, nor a gap's or a
// restart's, which may be the clock's.
func datedEntry(e *model.Entry) bool {
	return hasTime(e.Time) && !e.Flags.Has(model.FlagTimeInferred) && !e.IsMark()
}
