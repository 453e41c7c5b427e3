package source

import (
	"context"
	"fmt"
	"time"

	"connlog/model"
)

// backfill positions the journal on the first entry to send and reads it;
// the read loop then continues with Next. The window is [start, Until], where
// start is Cursor, AfterCursor, Since or the head, and only its newest Lines
// lines are sent (all with Lines -1). With Lines 0 nothing is sent: the
// position is the newest matching entry, so that following starts after it.
func (s *journalSession) backfill(ctx context.Context) error {
	lines := s.opts.Lines
	if lines == 0 {
		return s.anchorOnNewest()
	}
	bounded := s.opts.Cursor != "" || s.opts.AfterCursor != "" || s.since != 0
	if s.opts.TailFirst && lines > 0 && !bounded {
		return s.backfillTailFirst(ctx, lines)
	}
	var current bool
	var err error
	switch {
	case s.opts.Cursor != "" || s.opts.AfterCursor != "" || s.since != 0:
		current, err = s.positionBounded(lines)
	case lines < 0:
		err = s.sd.SeekHead()
	default:
		current, err = s.positionNewest(lines)
	}
	if err != nil || !current {
		return err
	}
	stop, err := s.consume()
	if err == nil && stop {
		return errJournalEnd
	}
	return err
}

// positionNewest moves onto the oldest of the newest n lines at or before
// Until (or the tail), or onto the first piece of a line split over entries
// that it cuts (see beginAtFirstPieces). current is false when there is none.
func (s *journalSession) positionNewest(n int) (current bool, err error) {
	if s.until != 0 {
		err = s.sd.SeekRealtime(s.until + 1)
	} else {
		err = s.sd.SeekTail()
	}
	if err != nil {
		return false, fmt.Errorf("seek to the end of the journal: %w", err)
	}
	for shown := 0; shown < n; {
		moved, err := s.sd.Previous()
		if err != nil {
			return current, fmt.Errorf("read the journal backwards: %w", err)
		}
		if !moved {
			break
		}
		current = true
		if !s.hiddenEntry() {
			shown++
		}
	}
	if !current {
		return false, nil
	}
	_, err = s.beginAtFirstPieces()
	return err == nil, err
}

// positionBounded moves onto the first entry to send when the window has a
// lower bound: it finds the window's first entry, counts the window's lines
// when only the newest n are wanted, and skips the older ones. From a
// cursor, not following, the first n are wanted instead, as journalctl
// shows them (see fromCursor).
func (s *journalSession) positionBounded(n int) (current bool, err error) {
	start, ok, err := s.findStart()
	if err != nil || !ok || n < 0 {
		return ok, err
	}
	if s.fromCursor() {
		s.limit = int64(n)
		return true, nil
	}
	total, err := s.countWindow()
	if err != nil {
		return false, err
	}
	if err := s.sd.SeekCursor(start); err != nil {
		return false, fmt.Errorf("seek to %s: %w", start, err)
	}
	if moved, err := s.sd.Next(); err != nil || !moved {
		return false, err
	}
	for skip := total - n; skip > 0; {
		if !s.hiddenEntry() {
			skip--
		}
		if moved, err := s.sd.Next(); err != nil || !moved {
			return false, err
		}
	}
	return true, nil
}

// fromCursor reports whether -n counts from the window's start: with
// --cursor or --after-cursor, journalctl shows the first n entries from
// it (with --since, the last n of the window, as connlog has always read
// it). A followed journal keeps the newest n of the window before it
// follows what comes next.
func (s *journalSession) fromCursor() bool {
	return s.opts.Cursor+s.opts.AfterCursor != "" && !s.opts.Follow
}

// hiddenEntry reports whether the current entry is one of journald's own
// messages, matched only for its rate-limit notices and not shown: -n
// counts lines shown, so these are not counted.
func (s *journalSession) hiddenEntry() bool {
	return !s.sel.showJournald && s.value(journalFieldIdentifier) == journaldIdentifier
}

// findStart moves onto the first entry of a window with a lower bound and
// returns its cursor; ok is false when the window is empty.
func (s *journalSession) findStart() (cursor string, ok bool, err error) {
	if c := s.opts.Cursor + s.opts.AfterCursor; c != "" {
		if c, ok, err = s.seekPastCursor(); err != nil || !ok {
			return c, ok, err
		}
	} else {
		if err := s.sd.SeekRealtime(s.since); err != nil {
			return "", false, fmt.Errorf("seek to %s: %w", time.UnixMicro(int64(s.since)), err)
		}
		if moved, err := s.sd.Next(); err != nil || !moved {
			return "", false, err
		}
	}
	cursor, err = s.sd.Cursor()
	if err != nil {
		return "", false, fmt.Errorf("read the journal cursor: %w", err)
	}
	return cursor, true, nil
}

// seekPastCursor moves onto the entry at Cursor, or the first after
// AfterCursor (or, when that entry is gone or does not match, the first
// matching one after its place).
func (s *journalSession) seekPastCursor() (string, bool, error) {
	flag, c := "--cursor", s.opts.Cursor
	if c == "" {
		flag, c = "--after-cursor", s.opts.AfterCursor
	}
	if err := s.sd.SeekCursor(c); err != nil {
		return "", false, journalCursorError(flag, c, err)
	}
	moved, err := s.sd.Next()
	if err != nil || !moved {
		return "", false, err
	}
	if s.opts.Cursor == "" && s.sd.TestCursor(c) {
		if moved, err = s.sd.Next(); err != nil || !moved {
			return "", false, err
		}
	}
	return "", true, nil
}

// countWindow counts the lines from the current entry to Until (or the
// end). It reads only the identifier, and the timestamp with Until.
func (s *journalSession) countWindow() (int, error) {
	total := 0
	for {
		if !s.hiddenEntry() {
			total++
		}
		moved, err := s.sd.Next()
		if err != nil {
			return 0, fmt.Errorf("count journal entries: %w", err)
		}
		if !moved {
			return total, nil
		}
		if s.until != 0 {
			if usec, err := s.sd.Realtime(); err == nil && usec > s.until {
				return total, nil
			}
		}
	}
}

// anchorForFollow positions the journal for following once the backfill is
// read. This is where the tail trap is avoided: if nothing was read, the
// position is still sd-journal's "tail", from which the next Next() after a
// burst of appends returns only the burst's last entry. So the position is
// always made concrete: on the newest entry read, on the newest matching
// entry, or, when nothing matches at all, on the head.
func (s *journalSession) anchorForFollow() error {
	if s.anchor == "" {
		return s.anchorOnNewest()
	}
	return s.reanchor()
}

// anchorOnNewest moves onto the newest matching entry without sending it,
// or to the head when nothing matches. The entry's run is noted, so that a
// restart right after it is still marked.
func (s *journalSession) anchorOnNewest() error {
	if err := s.sd.SeekTail(); err != nil {
		return fmt.Errorf("seek to the end of the journal: %w", err)
	}
	moved, err := s.sd.Previous()
	if err != nil {
		return fmt.Errorf("read the journal backwards: %w", err)
	}
	if moved {
		if s.anchor, err = s.sd.Cursor(); err != nil {
			return fmt.Errorf("read the journal cursor: %w", err)
		}
		if !s.hiddenEntry() {
			var f model.JournalFields
			s.readFields(&f)
			s.runs.observe(&f)
		}
		return nil
	}
	if err := s.sd.SeekHead(); err != nil {
		return fmt.Errorf("seek to the start of the journal: %w", err)
	}
	return nil
}

// reanchor puts the position back on the anchor after the journal's files
// changed. If the anchor entry is gone (its file was vacuumed), a history
// gap is reported and reading goes on from the oldest entry after it.
func (s *journalSession) reanchor() error {
	if s.anchor == "" {
		return s.sd.SeekHead()
	}
	if err := s.sd.SeekCursor(s.anchor); err != nil {
		return fmt.Errorf("seek to %s: %w", s.anchor, err)
	}
	moved, err := s.sd.Next()
	if err != nil {
		return fmt.Errorf("read the journal: %w", err)
	}
	if moved && s.sd.TestCursor(s.anchor) {
		return nil
	}
	s.historyGap()
	if !moved {
		return nil
	}
	_, err = s.consume()
	return err
}

// historyGap reports, once per vanished anchor, that entries may be lost.
func (s *journalSession) historyGap() {
	if s.gapAt == s.anchor {
		return
	}
	s.gapAt = s.anchor
	now := time.Now()
	s.addMark(model.Record{Source: s.src, Offset: -1, Received: now, Mark: model.MarkGap,
		Note: JournalNoteHistoryGap}, now)
}
