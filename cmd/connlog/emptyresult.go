package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"connlog/model/export"
	"connlog/model/inert"
	"connlog/model/query"
	"connlog/model/triage"
)

// sayNothingMatched explains on stderr an export whose filters selected
// none of the entries it read, so that an empty output is not mistaken for
// an empty input. A window that misses the data is explained by its span
// instead (sayOutsideSpan); an input read with the filter pushed down (the
// journal's units) reads nothing and is not counted here, but for a log
// store, which holds entries of the hosts and units asked for when this
// is reached, that says the filters matched none of them.
func sayNothingMatched(cfg Config, read readCount, span export.Span, loc *time.Location, stderr io.Writer) {
	had := "the input had " + read.String()
	switch {
	case read.none() && cfg.Remote.VictoriaLogs != "":
		// The store was asked for the words and window, and holds entries
		// of the hosts and units (storeMiss said nothing): they decided.
		had = "the store sent none"
	case read.none():
		return
	}
	if !span.Last.IsZero() {
		had += ", " + query.SpanText(span.First, span.Last, loc)
	}
	fmt.Fprintf(stderr, "connlog: no entries matched %s: %s\n", inert.Sanitize(filterText(cfg)), had)
}

// quotedFlags writes a flag for each value as a shell would take it back.
func quotedFlags(flag string, values ...string) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		out = append(out, flag+" "+strconv.Quote(v))
	}
	return out
}

// filterText names the filters of the command line as they were written.
func filterText(cfg Config) string {
	var parts []string
	add := func(flag string, values ...string) { parts = append(parts, quotedFlags(flag, values...)...) }
	add("--host", cfg.Remote.Hosts...)
	if unitsTerm(cfg) != "" {
		add("-u", cfg.Units...)
		add("-t", cfg.Identifiers...)
	}
	if cfg.Query != "" {
		add("-q", cfg.Query)
	}
	if len(cfg.Kinds) > 0 {
		add("--kind", strings.Join(cfg.Kinds, ","))
	}
	if len(cfg.Levels) > 0 {
		add("--level", strings.Join(cfg.Levels, ","))
	}
	if cfg.SinceText != "" {
		add("--since", cfg.SinceText)
	}
	if cfg.UntilText != "" {
		add("--until", cfg.UntilText)
	}
	if len(parts) == 0 {
		return "the selection"
	}
	return strings.Join(parts, " ")
}

// sayCompareMiss explains on stderr --compare windows that hold no
// entries: both (every list of what changed is empty) or one (everything
// of the other is new, or gone); the span of the data says which times to
// write.
func sayCompareMiss(c *triage.Changed, read export.Span, loc *time.Location, stderr io.Writer) {
	if c == nil || read.Last.IsZero() || (c.AEntries > 0 && c.BEntries > 0) {
		return
	}
	spans := query.SpanText(read.First, read.Last, loc)
	switch {
	case c.AEntries == 0 && c.BEntries == 0:
		fmt.Fprintf(stderr, "connlog: --compare: no entry falls in either window; the input spans %s\n", spans)
	case c.BEntries == 0:
		fmt.Fprintf(stderr, "connlog: --compare: the baseline B (%s) holds no entries, so everything in A shows as new; the input spans %s: give windows within it\n",
			query.SpanText(c.B.From, c.B.To, loc), spans)
	default:
		fmt.Fprintf(stderr, "connlog: --compare: window A (%s) holds no entries, so everything in B shows as gone; the input spans %s: give windows within it\n",
			query.SpanText(c.A.From, c.A.To, loc), spans)
	}
}
