package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/export"
	"connlog/model/inert"
	"connlog/model/query"
	"connlog/source"
)

// runExport reads the inputs once (or follows them with -f) and writes the
// matching entries in the chosen format to stdout or, atomically, a file.
// Gaps in the range are summed up on stderr (see reportLoss).
func runExport(ctx context.Context, cfg Config, stdin io.Reader, stdout, stderr io.Writer) error {
	defer tuneGC(int64(cfg.MaxMemory))()
	stopGuard, err := guardStdout(cfg, stdout, "export",
		"give -o FILE to write it to a file, or redirect standard output to a file or a pipe")
	if err != nil {
		return err
	}
	defer stopGuard()
	sel, err := newSelection(cfg, query.Options{Now: time.Now(), Location: cfg.location(), Dir: workDir()})
	if err != nil {
		return err
	}
	opts, err := exportOptions(cfg)
	if err != nil {
		return err
	}
	if cfg.DebugLog == "" {
		return exportEntries(ctx, cfg, sel, opts, stdin, stdout, stderr)
	}
	// A debug log that cannot be written is refused before anything is
	// read or written, as the interface refuses it.
	closeLog, err := openDebugLog(cfg.DebugLog)
	if err != nil {
		return err
	}
	defer closeLog()
	log.Printf("export: format %s, compression %s, to %s", opts.Format, opts.Compress, inert.Sanitize(outputName(cfg.Output)))
	err = exportEntries(ctx, cfg, sel, opts, stdin, stdout, stderr)
	if err != nil {
		log.Printf("export: %s", inert.Sanitize(err.Error()))
	}
	return err
}

// exportEntries reads the inputs and writes what sel selects, as opts says.
func exportEntries(ctx context.Context, cfg Config, sel *selection, opts export.Options, stdin io.Reader, stdout, stderr io.Writer) error {
	claim := claimOutput(cfg)
	waiting := sayConnectingOn(cfg, stderr)
	defer waiting.clear()
	if sel.needsDay() {
		if err := settleDay(ctx, &cfg, sel, stdin); err != nil {
			return err
		}
		waiting.aside(func() { sel.sayDayTaken(cfg.data, stderr) })
	}
	abandon := finishOnStop(ctx, &cfg, stderr)
	defer abandon()
	stdin, forget, err := learnPersonal(ctx, cfg, opts, stdin, stderr)
	if err != nil {
		return err
	}
	defer forget()
	feeds, infos, err := openFeeds(ctx, cfg, stdin, cfg.Follow)
	waiting.clear()
	if errors.Is(err, errInterruptedOpening) {
		return nothingWritten(cfg)
	}
	if err != nil {
		return err
	}
	defer closeJournalEntries(infos)
	opts.Sources = infos
	opts.Hosts = exportManyHosts(ctx, cfg, opts.Format) // the host goes into text and CSV rows and the manifest
	decorate := exportDecoding(sel, opts, readAlone(feeds, cfg))
	for i := range feeds {
		decorate(&feeds[i])
	}
	if err := fillBundleInfo(&opts.Bundle, cfg, sel); err != nil {
		return err
	}
	out, err := openOutput(cfg, claim, opts, stdout)
	if err != nil {
		return err
	}
	readCtx, stop := context.WithCancel(ctx)
	defer stop()
	// A write error stops the reading, the last read after a signal too.
	stopAll := func() { abandon(); stop() }
	w, err := export.NewSink(out, opts, sel, sinkOptions(cfg, opts, stopAll))
	if err != nil {
		out.abort()
		return err
	}
	var notes *waitNotes
	if cfg.Follow {
		notes = &waitNotes{w: stderr}
	}
	join := newGlobJoiner(cfg, stdin, cfg.Follow, feeds, infos, joinHooks{decorate: decorate,
		joined: func(_ []source.Feed, infos []sourceInfo) { w.AddSources(infos) }})
	read, werr := ingest(readCtx, feeds, join, w, notes)
	if werr == nil && w.Written() == 0 {
		// A window of times without a date, on a stream, is judged once
		// the first entry settled their day.
		if err := sel.emptyRange(opts.Location); err != nil {
			out.abort()
			return err
		}
		if err := sayEmptyExport(ctx, cfg, sel, read, w.Span(), opts.Location, stderr); err != nil {
			out.abort()
			return err
		}
	}
	if err := finish(ctx, cfg, w, out, werr, w.Written()); err != nil {
		if errors.As(err, new(keptIncomplete)) {
			sayLoss("exported", w.Losses(), stderr)
		}
		return explainStdoutFull(cfg, err)
	}
	if cfg.DebugLog != "" { // else the log is standard error, which this must not clutter
		log.Printf("export: %d entries written", w.Written())
	}
	return reportLoss(cfg, "exported", w.Losses(), stderr)
}

// readAlone reports whether the entries of the one input of feeds reach the
// export's sink in the decoder's order, their times compared with no other
// input's: one input, outside a rotation chain, none joining (no follow).
// Only then are events left unparsed (see exportDecoding).
func readAlone(feeds []source.Feed, cfg Config) bool {
	return len(feeds) == 1 && feeds[0].Chain == nil && !cfg.Follow
}

// exportDecoding returns what an export sets in each input's decoding:
// the families decoded without the fields sel never reads, for the inputs
// opened first and those that join alike, and, for an input read alone,
// the events left unparsed that sel rejects whatever they hold.
func exportDecoding(sel *selection, opts export.Options, alone bool) func(*source.Feed) {
	leanService, leanAnalytics := sel.lean()
	leanService, leanAnalytics = leanService && leanDecoding, leanAnalytics && leanDecoding
	// Text lines, like events, are lean when no field is read at all.
	leanText := leanAnalytics
	// Tracking pairs reads every analytics event's fields, written or not.
	leanAnalytics = leanAnalytics && !opts.Format.UsesPairs()
	unparsed, unparsedFields := sel.ruleOutUnparsed(leanDecoding && !leanService && !leanAnalytics)
	// The pair tracker reads every event.
	rejects, spanWanted := sel.rejectsUnread(alone && !opts.Format.UsesPairs())
	return func(f *source.Feed) {
		d := &f.Decode
		d.LeanService, d.LeanAnalytics, d.LeanText = leanService, leanAnalytics, leanText
		// The sink is done with each entry while its record's bytes are as
		// read (it is with the entry's Raw), and the pair tracker copies
		// what it keeps.
		d.IndexAnalytics = leanDecoding
		d.Unparsed, d.UnparsedFields = unparsed, unparsedFields
		d.UnparsedAnalytics = !opts.Format.UsesPairs()
		d.Rejects, d.SpanWanted = rejects, spanWanted
	}
}

// settleDay gives the times written without a date the day of the data
// (see referenceDay); on a stream, the day of its first entry, fixed as
// that entry is read (selection.Settle). A window that ends before it
// begins on that day is refused then (see emptyRange).
func settleDay(ctx context.Context, cfg *Config, sel *selection, stdin io.Reader) error {
	cfg.data = referenceDay(ctx, *cfg, stdin)
	sel.setDay(cfg.data)
	sel.pending = cfg.data.rule == dayFirst
	if sel.pending {
		return nil
	}
	return sel.emptyRange(cfg.location())
}

// sayEmptyExport explains an export that wrote nothing, or a summary of
// nothing, though its input was read through: by the span its window
// misses, or else by the filters that selected none of the entries read.
// A log store that holds nothing of the hosts and units asked for is an
// error (exit 1), as a journal's unknown unit is: a mistyped --host must
// not pass for a quiet fleet in a script.
func sayEmptyExport(ctx context.Context, cfg Config, sel *selection, read readCount, span export.Span, loc *time.Location, stderr io.Writer) error {
	said, err := sayOutsideSpan(ctx, cfg, sel, span, loc, stderr)
	if !said && err == nil && ctx.Err() == nil {
		sayNothingMatched(cfg, read, span, loc, stderr)
	}
	return err
}

// sayOutsideSpan explains on stderr an export that wrote nothing because
// its time window misses the input. A journal is read with the window
// pushed down, so nothing was seen of it: its ends are looked up then.
// It reports whether it said anything; a store that holds nothing of the
// hosts and units asked for is returned as the error instead.
func sayOutsideSpan(ctx context.Context, cfg Config, sel *selection, read export.Span, loc *time.Location, stderr io.Writer) (bool, error) {
	since, until := sel.bounds()
	note := query.OutsideSpan(since, until, read.First, read.Last, loc)
	if read.Last.IsZero() && ctx.Err() == nil {
		var holdsNone bool
		if note, holdsNone = windowMiss(ctx, cfg, since, until, loc); holdsNone {
			return true, errors.New(note)
		}
	}
	if note != "" {
		fmt.Fprintf(stderr, "connlog: %s\n", note)
	}
	return note != "", nil
}

// exportOptions turns the flags into export options.
func exportOptions(cfg Config) (export.Options, error) {
	f, err := export.ParseFormat(cfg.Format)
	if err != nil {
		return export.Options{}, usageError{err.Error()}
	}
	c, err := export.ParseCompression(cfg.Compress)
	if err != nil {
		return export.Options{}, usageError{err.Error()}
	}
	opts := export.Options{Format: f, Compress: c, Force: cfg.Force, Location: cfg.location(),
		Bundle: export.BundleInfo{Version: version}}
	if cfg.Output != "-" && cfg.Output != "" {
		// A bundle's members fill the disk it goes to, not $TMPDIR.
		opts.StageBeside(cfg.Output)
	}
	for _, k := range cfg.Kinds {
		kind, _ := model.ParseKind(k) // validated by newSelection
		opts.Kinds = append(opts.Kinds, kind)
	}
	if cfg.Redact {
		opts.Redact = newRedactor()
		opts.RedactWorkers = redactWorkers
	}
	return opts, nil
}

// outputName names the export's destination in the debug log.
func outputName(path string) string {
	if path == "-" || path == "" {
		return "standard output"
	}
	return path
}

// ingest reads the inputs into the sink until they end or ctx is done,
// and returns what it read. A failed source does not stop the
// others, but the export must not look complete when it is not: a write
// error comes first, then the sources'.
func ingest(ctx context.Context, feeds []source.Feed, join *source.Joining, w *export.Sink, notes *waitNotes) (readCount, error) {
	var status []model.SourceStatus
	var read readCount
	batch := func(es []model.Entry, last bool) {
		read.add(es)
		w.Batch(es, last)
	}
	source.IngestJoining(ctx, feeds, join, batch, func(st []model.SourceStatus) {
		status = st
		notes.note(st)
	})
	if err := w.Err(); err != nil {
		return read, err
	}
	return read, sourceErrors(status)
}

// sinkOptions are the export's SinkOptions; stop ends the reading. A
// followed redacted export, which read nothing ahead (see learnPersonal),
// learns from every entry as it is read.
func sinkOptions(cfg Config, opts export.Options, stop func()) export.SinkOptions {
	so := export.SinkOptions{Follow: cfg.Follow, Complete: completer(opts), Stop: stop}
	if cfg.Follow {
		so.Learn = opts.Redact
	}
	return so
}

// completer fills in the fields of an entry decoded without them before it
// is written: none when the format writes none and no redaction reads them.
func completer(opts export.Options) func(*model.Entry) {
	if !opts.Format.WritesFields() && opts.Redact == nil {
		return nil
	}
	return decode.Complete
}

// newRedactor and redactWorkers let tests compare redacted exports keyed
// alike, redacted on one goroutine and on several; they are
// export.NewRedactor and 0 (GOMAXPROCS) otherwise.
var (
	newRedactor   = export.NewRedactor
	redactWorkers = 0
)

// leanDecoding lets tests compare exports decoded with and without lean
// entries; it is always true otherwise.
var leanDecoding = true

// lean reports which payload families the selection can be decided
// without: service lines when it reads none of their fields (module,
// function, message), analytics events when it reads no field at all. Their
// fields are then parsed only for the entries written.
func (s *selection) lean() (service, analytics bool) {
	service = !s.q.NeedsFields(func(key string) bool {
		return key != model.KeyModule && key != model.KeyFunction && key != model.KeyMessage
	})
	analytics = !s.q.NeedsFields(func(string) bool { return false })
	return service, analytics
}
