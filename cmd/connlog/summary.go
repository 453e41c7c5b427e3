package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/signal"
	"time"

	"connlog/model"
	"connlog/model/export"
	"connlog/model/query"
	"connlog/model/triage"
	"connlog/source"
)

// runSummaryCommand is `connlog summary`: it reads the inputs once, as
// export does, and prints the triage report (timeline, top-N, templates,
// sessions and, with --compare, what changed). Exit status as export's.
func runSummaryCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, sf, err := parseSummaryArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		sayError(stderr, err)
		fmt.Fprintln(stderr, "Run connlog -h for the flags.")
		return 2
	}
	if err := refuseTerminalInput(cfg.Files, stdin, "connlog summary"); err != nil {
		sayError(stderr, err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	err = runSummary(ctx, cfg, sf, stdin, stdout, stderr)
	return exitStatus(err, stderr, func() { sayStdinUnread(stderr, cfg, stdin, "summary") })
}

func runSummary(ctx context.Context, cfg Config, sf summaryFlags, stdin io.Reader, stdout, stderr io.Writer) error {
	defer tuneGC(int64(cfg.MaxMemory))()
	stopGuard, err := guardStdout(cfg, stdout, "summary",
		"redirect standard output to a file (connlog summary … > summary.txt) or a pipe")
	if err != nil {
		return err
	}
	defer stopGuard()
	now := time.Now()
	loc := cfg.location()
	opt := query.Options{Now: now, Location: loc, Dir: workDir()}
	sel, err := newSelection(cfg, opt)
	if err != nil {
		return err
	}
	if sel.needsDay() || compareNeedsDay(sf.compare) {
		if err := settleDay(ctx, &cfg, sel, stdin); err != nil {
			return err
		}
		opt = cfg.data.options(opt)
	}
	cmp, err := compareWindows(sf.compare, opt)
	if err != nil {
		return err
	}
	feeds, _, err := openFeeds(ctx, cfg, stdin, false)
	if err != nil && !errors.Is(err, errInterruptedOpening) {
		return err // interrupted, it summarises the nothing it read, and says so
	}
	// Templates read service lines whole (their payload), so they need no
	// fields; the top-N tables and sessions read every analytics event's.
	leanService, _ := sel.lean()
	// Folding a service line into its template is most of what counting
	// templates costs. When every entry is counted the decoders fold them,
	// on every core; otherwise the triage folds only the lines selected.
	foldEarly := sel.selectsAll()
	for i := range feeds {
		feeds[i].Decode.LeanService = leanService && leanDecoding
		// The triage copies every value it keeps.
		feeds[i].Decode.IndexAnalytics = leanDecoding
		feeds[i].Decode.Templates = foldEarly
	}
	tr := triage.New(triage.Options{Compare: cmp})
	n, read, losses, err := summarise(ctx, feeds, sel, tr)
	if err != nil {
		sayLoss("summarised", losses, stderr)
		return err
	}
	// Interrupted (Ctrl-C on a pipe or the demo, which never end), the
	// summary of what was read is still worth printing; it says so on
	// stderr and the exit status is not 0.
	interrupted := ctx.Err() != nil
	// A window of times without a date, on a stream, is judged once the
	// first entry settled their day (an empty one selected nothing).
	if err := sel.emptyRange(loc); err != nil {
		return err
	}
	r := newSummaryReport(tr.Report(triage.ReportOptions{Top: sf.top, Ended: !interrupted}), losses)
	if err := writeSummary(stdout, cfg, sf, r, loc); err != nil {
		return explainStdoutFull(cfg, err)
	}
	if r.Entries == 0 {
		if err := sayEmptyExport(ctx, cfg, sel, n, read, loc, stderr); err != nil { // as export says it
			return err
		}
	} else if !interrupted {
		sayCompareMiss(r.Changed, read, loc, stderr)
	}
	if interrupted {
		sayLoss("summarised", losses, stderr)
		// What was read, counted as export counts it: gap and restart
		// marks apart from the entries.
		return fmt.Errorf("interrupted: the summary covers only the %s read before", n)
	}
	return reportLoss(cfg, "summarised", losses, stderr)
}

// summarise reads the inputs to their end, adds every selected entry and
// returns what it read (entries, and gap and restart marks apart), their span and the gaps of the range
// summarised (selected by the query or not, as an export counts them).
func summarise(ctx context.Context, feeds []source.Feed, sel *selection, tr *triage.Triage) (readCount, export.Span, model.Ledger, error) {
	var status []model.SourceStatus
	var read export.Span
	var losses model.Ledger
	var n readCount
	sink := func(es []model.Entry, _ bool) {
		sel.Settle(es)
		n.add(es)
		for i := range es {
			read.Add(es[i].Time)
			if es[i].Kind == model.KindGap && sel.InWindow(&es[i]) || model.LossOfAnyWindow(&es[i]) {
				losses.AddGap(&es[i])
			}
			if sel.Match(&es[i]) {
				tr.AddEntry(&es[i])
			}
		}
	}
	source.Ingest(ctx, feeds, sink, func(st []model.SourceStatus) { status = st })
	return n, read, losses, sourceErrors(status)
}
