package main

import (
	"time"

	"connlog/model/export"
	"connlog/model/query"
)

// fillBundleInfo says in a bundle's manifest what the command line asked
// for, as the interface's dialog says what its filter and window were: the
// query with the --kind, --level, -u/-t and window terms export adds to -q
// (so that reopen selects the same entries of raw.log), and the requested
// window, which the manifest otherwise takes from the entries found. The
// --since and --until, and the times of the query's since:, until: and
// time terms, are the moments they named, in UTC: a
// colleague reopens the bundle later and in another zone, where -15m,
// yesterday or a time without a zone would name others. A time without a
// date on a stream falls on the day of its first entry, not known yet: the
// window is then left to the entries, and the query has it as it was
// typed (on raw.log it falls on the same day). The host is learned from
// the entries (see export's manifest).
func fillBundleInfo(b *export.BundleInfo, cfg Config, sel *selection) error {
	more, err := selectionTerms(cfg)
	if err != nil {
		return err
	}
	window, err := windowTerms(cfg)
	if err != nil {
		return err
	}
	if !sel.pending {
		window = []string{query.ClosedWindow(sel.flagSince, sel.flagUntil)}
		b.From, b.To = sel.bounds()
	}
	// The query's own times too, read as the selection read them; a time
	// without a date waits for a stream's day, as the window does.
	opt := sel.opt
	if sel.pending {
		opt.Day = time.Time{}
	}
	asked, err := query.FixTimes(cfg.Query, opt)
	if err != nil {
		return err
	}
	b.Query = query.And(append(append([]string{asked}, more...), window...)...)
	return nil
}
