package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/export"
	"connlog/model/query"
)

// selection is what export writes: the query, -u and -t of files, the
// --kind and --level lists (selectionTerms) and the --since/--until window,
// all compiled into one query so that the TUI's filter bar and the command
// line agree on every entry. Times written without a date fall on the day
// the selection is compiled for.
type selection struct {
	src          string // the query text, the lists folded in
	sinceText    string
	untilText    string
	opt          query.Options
	q            *query.Query
	since, until time.Time // the window: --since/--until narrowed by the query's (see bounds)
	flagSince    time.Time // --since and --until alone, to name the end that set the window's
	flagUntil    time.Time
	pending      bool // the day is settled by the first batch read
	ruledOut     bool // a lean entry was ruled out by its decoder (see ruleOutUnparsed)
	// matched is set by the first entry Match selects: an export that
	// writes something never says the span of what it read (see
	// rejectsUnread).
	matched atomic.Bool
	// dayNotes is where the day a stream's first batch gives its times
	// without a date is named (see sayDayTaken); nil: nowhere.
	dayNotes io.Writer
	stream   string // what the first batch is read from, for that note
}

func newSelection(cfg Config, opt query.Options) (*selection, error) {
	terms := []string{}
	if cfg.Query != "" {
		terms = append(terms, "("+cfg.Query+")")
	}
	more, err := selectionTerms(cfg)
	if err != nil {
		return nil, err
	}
	s := &selection{src: query.And(append(terms, more...)...), sinceText: cfg.SinceText, untilText: cfg.UntilText}
	if err := s.compile(opt); err != nil {
		if cfg.Query != "" {
			// Re-compile the user's text alone so the error's position is theirs.
			if _, uerr := query.Compile(cfg.Query, opt); uerr != nil {
				err = usageError{"bad query: " + uerr.Error()}
			}
		}
		return nil, err
	}
	if !s.needsDay() {
		if err := s.emptyRange(opt.Location); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// selectionTerms returns the terms the command line adds to -q, for export
// and the interface alike: -u and -t of files (unitsTerm), then the --kind
// and --level lists ("" for a flag not given).
func selectionTerms(cfg Config) ([]string, error) {
	terms := []string{unitsTerm(cfg)}
	for _, l := range []struct {
		name      string
		values    []string
		canonical func(string) (string, bool)
		names     string
	}{{"kind", cfg.Kinds, validKind, query.KindNames()}, {"level", cfg.Levels, validLevel, query.LevelNames()}} {
		t, err := listTerm(l.name, l.values, l.canonical, l.names)
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
	}
	return terms, nil
}

// unitsTerm is -u and -t for files and standard input, as unit= and ident=
// terms any of which a line may match (the journal reads only the lines of
// its units and identifiers, the same way): a syslog file's lines of the
// connector are `-t twingate-connector`, a journal export file's of a unit
// `-u newt`. -u names the identifier too: a syslog line names no unit, and
// a unit's program writes under its name, so `-u twingate-connector` on
// /var/log/syslog is not silently empty. Without -u or -t, "" (the default
// unit names the journal's); with --all-units too, as it reads the whole
// journal whatever they say.
func unitsTerm(cfg Config) string {
	if len(cfg.Files) == 0 || !cfg.unitsNamed || cfg.AllUnits {
		return ""
	}
	var alts []string
	for _, u := range cfg.Units {
		alts = append(alts, query.Term("unit", u), query.Term("ident", strings.TrimSuffix(u, ".service")))
	}
	for _, id := range cfg.Identifiers {
		alts = append(alts, query.Term("ident", id))
	}
	return "(" + query.Or(alts...) + ")"
}

// compile compiles the query and the bounds with opt.
func (s *selection) compile(opt query.Options) error {
	q, err := query.Compile(s.src, opt)
	if err != nil {
		return usageError{"bad query: " + err.Error()}
	}
	since, err := parseBound("--since", s.sinceText, opt)
	if err != nil {
		return err
	}
	until, err := parseBound("--until", s.untilText, opt)
	if err != nil {
		return err
	}
	s.opt, s.q = opt, q
	s.flagSince, s.flagUntil = since, until
	s.since, s.until = narrowWindow(since, until, q)
	return nil
}

// emptyRange refuses a window that ends before it begins (see the
// function of that name), naming each end by the flag or the query's term
// that set it. Times written without a date are judged once their day is
// settled: the caller asks then.
func (s *selection) emptyRange(loc *time.Location) error {
	name := func(flag, term string, fromFlag time.Time, end time.Time) string {
		if !fromFlag.IsZero() && fromFlag.Equal(end) {
			return flag
		}
		return "the query's " + term
	}
	return emptyRange(s.since, s.until, name("--since", "since:", s.flagSince, s.since), name("--until", "until:", s.flagUntil, s.until), loc)
}

// narrowWindow narrows the --since/--until window to the query's time
// bounds: the query's since: is the requested range as --since is, for
// the gaps counted (InWindow) as for the manifest's range.
func narrowWindow(since, until time.Time, q *query.Query) (time.Time, time.Time) {
	qSince, qUntil := q.TimeBounds()
	if !qSince.IsZero() && (since.IsZero() || qSince.After(since)) {
		since = qSince
	}
	if !qUntil.IsZero() && (until.IsZero() || qUntil.Before(until)) {
		until = qUntil
	}
	return since, until
}

// needsDay reports whether a time was written without a date, so that the
// day of the data must be known before matching.
func (s *selection) needsDay() bool {
	return s.q.NeedsDay() || query.NeedsDay(s.sinceText) || query.NeedsDay(s.untilText)
}

// setDay compiles the selection again for the day of the data. It compiled
// once already with the same text, so it cannot fail; if it did, the
// selection would keep its previous day.
func (s *selection) setDay(d dataDay) {
	_ = s.compile(d.options(s.opt))
}

// Settle fixes the day on the first batch with a time, for a stream whose
// newest entry cannot be known before reading it: the day of the batch's
// newest entry, with the batch's span, as the interface settles it on the
// entries of its first screen. A log piped whole past midnight then has its
// 23:00 the evening before and its 00:10 after midnight, in both.
func (s *selection) Settle(es []model.Entry) {
	if !s.pending {
		return
	}
	var span export.Span
	for i := range es {
		span.Add(es[i].Time)
	}
	if !span.Last.IsZero() {
		s.pending = false
		s.setDay(dataDay{first: span.First, last: span.Last, rule: dayFirst})
		if s.dayNotes != nil {
			s.writeDayTaken(s.dayNotes, "the first lines read from "+s.stream)
		}
	}
}

// bounds returns the time window every written entry falls in, from the
// flags and the query; zero is open.
func (s *selection) bounds() (since, until time.Time) { return s.since, s.until }

// selectsAll reports whether every entry read is selected: no query term
// and no window.
func (s *selection) selectsAll() bool {
	return s.q.MatchesAll() && s.since.IsZero() && s.until.IsZero()
}

// Match reports whether e is written: within --since and --until, and
// selected by the query.
func (s *selection) Match(e *model.Entry) bool {
	ok := s.InWindow(e) && !(s.ruledOut && decode.IsLean(e)) && s.q.Match(e)
	if ok && !s.matched.Load() {
		s.matched.Store(true)
	}
	return ok
}

// ruleOutUnparsed returns the test a decoder asks of a service line before
// its parse (decode.Options.Unparsed), and whether it reads the line's
// indexed fields: the test the TUI's views ask of an unparsed line
// (query's MayMatchUnparsed), for a query whose message terms it can
// decide on the raw line. Most lines of a search for a text in the message
// lack it, and the parse is most of a line's cost. It returns nil when
// allowed is false (the decoders leave lines lean for other reasons, and a
// lean entry must then be matched), when the query has no such term, and
// while the day of a time written without a date waits for the first
// entry: the decoders, ahead of the writer, would test lines against a
// query about to change.
func (s *selection) ruleOutUnparsed(allowed bool) (test func(*model.Entry) bool, fields bool) {
	if !allowed || s.pending {
		return nil, false
	}
	test = s.q.Filter().MaybeUnparsed
	s.ruledOut = test != nil
	return test, s.q.NeedsFields(func(key string) bool { return !model.IsIndexed(key) })
}

// InWindow reports whether e is within the window: --since and --until,
// and the query's since: and until:, one rule for the gaps of the range.
func (s *selection) InWindow(e *model.Entry) bool {
	return (s.since.IsZero() || !e.Time.Before(s.since)) && (s.until.IsZero() || !e.Time.After(s.until))
}

// listTerm builds (name=a or name=b) from a comma list, each value checked
// and spelled the canonical way.
func listTerm(name string, values []string, canonical func(string) (string, bool), names string) (string, error) {
	var alts []string
	for _, v := range values {
		c, ok := canonical(v)
		if !ok {
			return "", usageError{fmt.Sprintf("--%s %q: unknown %s (%s)", name, v, name, names)}
		}
		alts = append(alts, query.Term(name, c))
	}
	if len(alts) == 0 {
		return "", nil
	}
	return "(" + query.Or(alts...) + ")", nil
}

func validKind(s string) (string, bool) {
	k, ok := model.ParseKind(s)
	return k.String(), ok
}

func validLevel(s string) (string, bool) {
	l, ok := model.ParseLevel(s)
	return l.String(), ok && s != ""
}

// parseBound reads a --since/--until value; "" means no bound.
func parseBound(flagName, text string, opt query.Options) (time.Time, error) {
	if text == "" {
		return time.Time{}, nil
	}
	t, err := query.ParseTime(text, opt)
	if err != nil {
		// The error names the value and lists the forms a time takes:
		// said after the flag, once.
		msg := err.Error()
		if quoted := strconv.Quote(strings.TrimSpace(text)); strings.HasPrefix(msg, quoted+" ") {
			return time.Time{}, usageError{flagName + " " + msg}
		}
		return time.Time{}, usageError{fmt.Sprintf("%s %q: %s", flagName, text, msg)}
	}
	return t, nil
}
