package source

import (
	"context"
	"fmt"
	"time"

	"connlog/model"
)

// journalTailChunk is how many lines of a tail-first backfill are read and
// sent at a time: the first chunk is the newest screenful or so, sent at
// once; the older ones follow as Backfill batches, newest first.
const journalTailChunk = 512

// backfillTailFirst sends the newest n lines newest chunk first, so that
// the first screen does not wait for the whole backfill: each older chunk
// is a batch of Backfill records, which the pipeline puts before everything
// sent so far. Once the sink is full (JournalOptions.BackfillFull), it
// reads no older chunk, and counts the lines left (see stopFull). It ends
// positioned on the newest entry read, for following.
//
// A line split over entries (see journalChains) is read whole by one
// chunk: each chunk begins at the first piece of a line it would cut (see
// beginAtFirstPieces). A line whose pieces the look-back does not reach is
// sent as two records, the older chunk's pieces flagged partial. A line
// the newest chunk ends in is held, not sent, until its pieces come while
// following, or the read ends.
func (s *journalSession) backfillTailFirst(ctx context.Context, n int) error {
	var newer string            // cursor of the oldest entry of the chunk sent last
	var newerFirst model.Record // its first line
	var newest journalRuns
	var newestChains journalChains // lines the newest chunk ends in, which entries still to come may go on
	anchor := ""
	for left := n; left > 0; {
		if newer != "" && s.sinkFull() {
			if err := s.stopFull(ctx, left, newer, newerFirst); err != nil {
				return err
			}
			break
		}
		shown, err := s.stepBack(min(left, journalTailChunk), newer)
		if err != nil || shown == 0 {
			break
		}
		left -= shown
		if newer != "" {
			s.runs = newJournalRuns(!s.sel.allUnits)
		}
		first, oldest, err := s.readChunk(newer)
		if err != nil {
			return err
		}
		if newer == "" {
			anchor, newest = s.anchor, s.runs
			newestChains, s.chains = s.chains, journalChains{}
		} else {
			// The newer chunk began at the first piece of a line it
			// would cut (see beginAtFirstPieces): a line still held
			// here never ended, or began before the look-back reached.
			// It is sent as it stands.
			s.chains.sendAll(&s.batch, time.Now())
			s.junction(newerFirst)
			s.markBackfill()
		}
		if err := s.flush(ctx); err != nil {
			return err
		}
		if newer == "" {
			waitForScreen(ctx, s.opts.HoldBackfill, backfillHoldMax) // the older chunks take the CPU the first screen needs
		}
		newer, newerFirst = oldest, first
	}
	if anchor == "" {
		return s.anchorOnNewest()
	}
	s.anchor, s.runs, s.chains = anchor, newest, newestChains
	return s.reanchor()
}

// sinkFull reports whether the sink can hold no line older than those it
// holds (JournalOptions.BackfillFull).
func (s *journalSession) sinkFull() bool {
	full := s.opts.BackfillFull
	return full != nil && full()
}

// stopFull ends a tail-first backfill whose sink is full: the up to left
// lines before the entry at cursor newer could not be held, and are
// counted, not read, in a gap record of the budget's reason, as a file's
// head is. The gap is dated with the oldest line sent, newerFirst.
func (s *journalSession) stopFull(ctx context.Context, left int, newer string, newerFirst model.Record) error {
	unread, _ := s.stepBack(left, newer) // a failed step back counts what it passed
	if unread == 0 {
		return nil
	}
	now := time.Now()
	at := newerFirst.Received
	if at.IsZero() {
		at = now
	}
	s.addMark(model.Record{Source: s.src, Offset: -1, Received: at, Mark: model.MarkGap,
		Note: model.GapEvictionReason, Count: int64(unread)}, now)
	s.markBackfill()
	return s.flush(ctx)
}

// stepBack moves back over up to k shown lines before the entry at cursor
// newer (or from the end: Until or the tail), and on to the first piece of
// a line split over entries that they cut (see beginAtFirstPieces), and
// reports how many it passed; the position is then the oldest of them.
func (s *journalSession) stepBack(k int, newer string) (int, error) {
	var err error
	switch {
	case newer != "":
		err = s.sd.SeekCursor(newer)
	case s.until != 0:
		err = s.sd.SeekRealtime(s.until + 1)
	default:
		err = s.sd.SeekTail()
	}
	if err != nil {
		return 0, fmt.Errorf("seek in the journal: %w", err)
	}
	shown := 0
	for shown < k {
		moved, err := s.sd.Previous()
		if err != nil {
			return shown, fmt.Errorf("read the journal backwards: %w", err)
		}
		if !moved {
			break
		}
		if newer != "" && shown == 0 && s.sd.TestCursor(newer) {
			continue // a reader that lands on the sought entry itself
		}
		if !s.hiddenEntry() {
			shown++
		}
	}
	if shown == 0 {
		return 0, nil
	}
	gained, err := s.beginAtFirstPieces()
	return shown + gained, err
}

// readChunk reads forward from the current entry up to the entry at cursor
// newer (or the end), adding its records to the batch. It returns the
// journald fields of the first line and the cursor of the first entry.
func (s *journalSession) readChunk(newer string) (first model.Record, oldest string, err error) {
	if oldest, err = s.sd.Cursor(); err != nil {
		return first, "", fmt.Errorf("read the journal cursor: %w", err)
	}
	mark := len(s.batch.records)
	for {
		stop, err := s.consume()
		if err != nil {
			return first, "", err
		}
		if first.Journal == nil {
			first = s.firstLine(mark)
		}
		moved, err := s.sd.Next()
		if err != nil {
			return first, "", fmt.Errorf("read the journal: %w", err)
		}
		if stop || !moved || (newer != "" && s.sd.TestCursor(newer)) {
			return first, oldest, nil
		}
	}
}

// firstLine returns the first line record added since mark (a zero Record
// when there is none yet).
func (s *journalSession) firstLine(mark int) model.Record {
	for _, r := range s.batch.records[mark:] {
		if r.Mark == model.MarkLine && r.Journal != nil {
			return r
		}
	}
	return model.Record{}
}

// junction adds, at the end of an older chunk, the boundary between its
// last run and the first line of the newer chunk sent before it.
func (s *journalSession) junction(newerFirst model.Record) {
	if newerFirst.Journal == nil {
		return
	}
	f := *newerFirst.Journal
	if note := s.runs.observe(&f); note != "" {
		fp := s.batch.slot()
		*fp = f
		s.addMark(model.Record{Source: s.src, Offset: -1, Received: newerFirst.Received, Journal: fp,
			Mark: model.MarkBoundary, Note: note}, time.Now())
	}
}

// markBackfill flags every pending record as belonging before what was sent.
func (s *journalSession) markBackfill() {
	for i := range s.batch.records {
		s.batch.records[i].Backfill = true
	}
}
