package source

import (
	"context"
	"errors"
	"fmt"
	"time"

	"connlog/model"
)

// errJournalEnd stops the read loop at a clean end: the input ended while not
// following, or the context was cancelled.
var errJournalEnd = errors.New("end of journal input")

// journalSession is one Run: the open journal, the resolved filter and the
// position. Only Run's goroutine touches it.
type journalSession struct {
	sd     journalReader
	src    model.SourceID
	opts   JournalOptions
	sel    journalSelection
	runs   journalRuns
	out    chan<- []model.Record
	status *journalStatus
	batch  journalBatch
	chains journalChains // lines whose pieces are still to come
	// pieceQuiet is how long a followed line's pieces may pause before
	// the line is sent as it stands: its container stopped mid-line.
	pieceQuiet time.Duration

	since, until uint64 // journal timestamps in µs; 0 = unbounded

	// anchor is the cursor of the newest entry read, sent or not: following
	// resumes after it. "" means nothing matched yet and the position is the
	// head, so that the first entries to arrive are all read.
	anchor string
	// gapAt is the anchor a history gap was last reported for, so that one
	// vanished entry yields one gap however many times the files change.
	gapAt string
	lines int64 // lines sent
	// limit, when not 0, is how many lines are sent before the read ends:
	// journalctl shows the first -n lines from a cursor, not the last.
	limit     int64
	filesLost int // journal files dropped as unreadable: names may be missing for that reason
	following bool
	onFollow  func()
}

// openJournalSession opens the journal, resolves units and boot, and
// installs the matches.
func openJournalSession(src model.SourceID, opts JournalOptions, out chan<- []model.Record,
	status *journalStatus) (*journalSession, error) {
	spec, err := parseJournalBoot(opts.Boot)
	if err != nil {
		return nil, withBootHint(err, opts)
	}
	sd, err := openJournalReader(opts)
	if err != nil {
		return nil, err
	}
	s := &journalSession{sd: sd, src: src, opts: opts, out: out, status: status, pieceQuiet: partialLineTimeout}
	if err := s.setup(spec); err != nil {
		sd.Close()
		return nil, err
	}
	return s, nil
}

// setup prepares an open journal for reading.
func (s *journalSession) setup(spec journalBootSpec) error {
	units, err := expandJournalUnits(s.sd, s.opts.Units)
	if err != nil {
		return journalNamesError(s.sd, s.opts, err)
	}
	local := s.opts.Directory == "" && len(s.opts.Files) == 0
	boot, err := resolveJournalBoot(s.sd, spec, local)
	if err != nil {
		return withBootHint(err, s.opts)
	}
	s.sel = newJournalSelection(units, journalNonEmpty(s.opts.Identifiers), s.opts.readsAllUnits())
	s.runs = newJournalRuns(!s.sel.allUnits)
	s.since, s.until = journalUsec(s.opts.Since), journalUsec(s.opts.Until)
	s.sd.WantFields(s.fieldsRead())
	s.sd.ReadAhead(s.lean())
	return s.sd.SetMatches(s.sel.matches(boot))
}

// journalUsec converts a bound to journal microseconds (0 = unbounded).
func journalUsec(t time.Time) uint64 {
	if t.IsZero() || t.UnixMicro() <= 0 {
		return 0
	}
	return uint64(t.UnixMicro())
}

func (s *journalSession) close() { s.sd.Close() }

// run sends the backfill and then follows until ctx is done.
func (s *journalSession) run(ctx context.Context) error {
	s.status.set(journalLoading)
	err := s.backfill(ctx)
	for err == nil && ctx.Err() == nil {
		err = s.step(ctx)
	}
	if ctx.Err() != nil {
		s.stop()
		return nil
	}
	if errors.Is(err, errJournalEnd) {
		s.chains.sendAll(&s.batch, time.Now())
		s.flush(ctx)
		return nil
	}
	return err
}

// stop ends a run whose ctx has ended, under JournalOptions.Finish: the
// entries the journal holds by now are read to its end, as a followed
// file's are at a stop (see FileOptions.Finish), and sent with what was
// read before, a line whose pieces are still to come as it stands. The end
// of Finish ends that last read at once. Without Finish nothing more is
// sent.
func (s *journalSession) stop() {
	fin := s.opts.Finish
	if fin == nil || !s.opts.Follow {
		return
	}
	looked := false
	for fin.Err() == nil {
		ok, err := s.sd.Next()
		if err != nil {
			break // what could not be read is as a run cut by the stop leaves it
		}
		if !ok {
			// What was written since the reader last looked is read too:
			// the journal as it is at the stop.
			if looked {
				break
			}
			looked = true
			if changed, err := s.waitUpTo(0); err != nil || !changed {
				break
			}
			continue
		}
		if end, err := s.consume(); err != nil || end {
			break
		}
		if s.batch.due(time.Now()) && s.flush(fin) != nil {
			return
		}
	}
	s.chains.sendAll(&s.batch, time.Now())
	s.flush(fin)
}

// step reads one entry, or handles reaching the end of the journal.
func (s *journalSession) step(ctx context.Context) error {
	ok, err := s.sd.Next()
	if err != nil {
		return fmt.Errorf("read the journal: %w", err)
	}
	if !ok {
		return s.atEnd(ctx)
	}
	stop, err := s.consume()
	if err != nil {
		return err
	}
	if stop {
		return errJournalEnd
	}
	if s.batch.due(time.Now()) {
		return s.flush(ctx)
	}
	return nil
}

// atEnd sends what is pending, then either ends (not following), starts
// following, or waits for the journal to change.
func (s *journalSession) atEnd(ctx context.Context) error {
	s.noteProblems()
	if s.following {
		s.chains.sendQuiet(&s.batch, time.Now(), s.pieceQuiet)
	}
	if err := s.flush(ctx); err != nil {
		return err
	}
	if s.following {
		return s.wait()
	}
	if s.lines == 0 && s.filesLost == 0 {
		// Nothing to show: say so now if a name is wrong, or the journal
		// empty, rather than wait forever. Only this rare path pays for
		// listing the journal's names.
		if err := explainNothingRead(s.sd, s.sel, s.opts); err != nil {
			return err
		}
	}
	if !s.opts.Follow || s.until != 0 {
		return errJournalEnd
	}
	if err := s.anchorForFollow(); err != nil {
		return err
	}
	s.following = true
	s.status.set(journalFollowing)
	if s.onFollow != nil {
		s.onFollow()
	}
	return nil
}

// flush sends the pending batch. A cancelled context ends the run cleanly,
// the batch kept for the stop (see stop).
func (s *journalSession) flush(ctx context.Context) error {
	recs := s.batch.records
	if len(recs) == 0 {
		return nil
	}
	select {
	case s.out <- recs:
		s.batch.take()
		return nil
	case <-ctx.Done():
		return errJournalEnd
	}
}

// wait blocks until the journal changes or journalWaitTimeout passes, so
// that the caller re-checks the context often (Close blocks until a wait
// returns). Files added, removed or rotated invalidate the position.
func (s *journalSession) wait() error {
	_, err := s.waitUpTo(journalWaitTimeout)
	return err
}

// waitUpTo is wait for at most timeout (0: a look at the files); it
// reports whether the journal changed.
func (s *journalSession) waitUpTo(timeout time.Duration) (bool, error) {
	change, err := s.sd.Wait(timeout)
	if err != nil {
		return false, fmt.Errorf("wait for new journal entries: %w", err)
	}
	if change == journalInvalidated {
		if s.noteProblems() > 0 || s.sd.ReadOutDrops() > 0 {
			// The lost file's gap already says entries may be missing, or
			// the file was dropped once all of it was read: an anchor that
			// vanished with it is no (second) loss.
			s.gapAt = s.anchor
		}
		return true, s.reanchor()
	}
	return change != journalNothing, nil
}
