package main

import (
	"connlog/model/export"
	"connlog/model/query"
)

// fillBundleInfo says in a bundle's manifest what the command line asked
// for, as the interface's dialog says what its filter and window were: the
// query with the --kind, --level, -u/-t and window terms export adds to -q
// (so that reopen selects the same entries of raw.log), and the requested
// window, which the manifest otherwise takes from the entries found. A
// time without a date on a stream falls on the day of its first entry, not
// known yet: the window is then left to the entries. The host is learned
// from the entries (see export's manifest).
func fillBundleInfo(b *export.BundleInfo, cfg Config, sel *selection) error {
	more, err := selectionTerms(cfg)
	if err != nil {
		return err
	}
	window, err := windowTerms(cfg)
	if err != nil {
		return err
	}
	b.Query = query.And(append(append([]string{cfg.Query}, more...), window...)...)
	if !sel.pending {
		b.From, b.To = sel.bounds()
	}
	return nil
}
