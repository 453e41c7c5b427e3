package main

import (
	"context"
	"strings"
	"time"

	"connlog/model/inert"
	"connlog/model/query"
)

// storeHostsNamed bounds the hosts an empty result from a log store names.
const storeHostsNamed = 10

// storeMiss explains a log store that sent no entry: by the span its
// window misses (see windowMiss), or, when the store holds no entry of the
// hosts and units asked for at any time, by the hosts that do have entries
// of those units in that window, so that a mistyped --host is not taken for
// a quiet fleet; holdsNone says so when hosts or units were named (the
// default unit too), which is an error as an unknown unit of a journal is. It is "" when the store holds such entries in the window
// (the query decided) and when it does not answer.
func storeMiss(ctx context.Context, cfg Config, since, until time.Time, loc *time.Location) (note string, holdsNone bool) {
	vl, err := remoteStore(cfg)
	if err != nil {
		return "", false
	}
	sel, err := remoteSelection(cfg)
	if err != nil {
		return "", false
	}
	first, last, err := vl.Span(ctx, sel)
	switch {
	case err != nil || ctx.Err() != nil:
		return "", false
	case !last.IsZero():
		return query.OutsideSpan(since, until, first, last, loc), false
	}
	hosts, err := vl.Hosts(ctx, sel, storeHostsNamed)
	if err != nil || ctx.Err() != nil {
		return "", false
	}
	named := len(cfg.Remote.Hosts) > 0 || len(unitsAsked(cfg)) > 0 // a name that may be mistyped
	return inert.Sanitize(storeHoldsNone(cfg, vl.Name(), hosts)), named
}

// storeHoldsNone words a store that holds no entry of the hosts and units
// asked for, with the hosts that have entries of those units in the window.
func storeHoldsNone(cfg Config, store string, hosts []string) string {
	units := unitsAsked(cfg)
	s := store + " holds no entries"
	if asked := append(quotedFlags("--host", cfg.Remote.Hosts...), units...); len(asked) > 0 {
		s += " of " + strings.Join(asked, " ")
	}
	of := ""
	if len(units) > 0 {
		of = " of " + strings.Join(units, " ")
	}
	if window := windowAsked(cfg); window != "" {
		of += " in the window " + window
	}
	switch {
	case len(hosts) > 0 && len(cfg.Remote.Hosts) > 0:
		if len(hosts) == storeHostsNamed {
			hosts = append(hosts, "…")
		}
		return s + "; the hosts with entries" + of + ": " + strings.Join(hosts, ", ")
	case len(hosts) > 0:
		return s
	case len(units) > 0:
		return s + "; no host has entries" + of + ": name another unit with -u/-t, or use --all-units"
	}
	return s + "; no host has entries" + of
}

// unitsAsked are the -u and -t flags of a store's selection, none with
// --all-units.
func unitsAsked(cfg Config) []string {
	if cfg.AllUnits {
		return nil
	}
	return append(quotedFlags("-u", cfg.Units...), quotedFlags("-t", cfg.Identifiers...)...)
}

// windowAsked is the --since and --until flags as written, "" without them.
func windowAsked(cfg Config) string {
	var w []string
	if cfg.SinceText != "" {
		w = append(w, quotedFlags("--since", cfg.SinceText)...)
	}
	if cfg.UntilText != "" {
		w = append(w, quotedFlags("--until", cfg.UntilText)...)
	}
	return strings.Join(w, " ")
}
