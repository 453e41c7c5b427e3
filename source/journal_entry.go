package source

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"connlog/model"
	"connlog/source/journalfile"
)

// consume reads the current entry and adds what it yields to the batch: its
// line, preceded by a boundary when a new run starts, or, for journald's
// notice about a followed unit, a gap. stop is true once past Until, or
// once the line that reaches the limit is added.
func (s *journalSession) consume() (stop bool, err error) {
	s.noteProblems()
	lean := s.lean()
	var cursor string
	if !lean {
		if cursor, err = s.sd.Cursor(); err != nil {
			return false, fmt.Errorf("read the journal cursor: %w", err)
		}
		s.anchor = cursor
	}
	now := time.Now()
	received := now
	if usec, err := s.sd.Realtime(); err == nil {
		if s.until != 0 && usec > s.until {
			return true, nil
		}
		if usec < s.since {
			return false, nil
		}
		received = time.UnixMicro(int64(usec))
	}
	var f model.JournalFields
	if lean {
		f.Identifier, f.Priority = s.value(journalFieldIdentifier), -1
	} else {
		s.readFields(&f)
		f.Cursor = cursor
	}
	s.readAuditStamp(&f)
	msg, note, err := s.message()
	if err != nil {
		s.unreadableEntry()
		return false, nil
	}
	if kind := s.bytes(journalFieldConnlogKind); kind != nil {
		s.addExportedMark(string(kind), msg, f, received, now)
		return false, nil
	}
	if f.Identifier == journaldIdentifier {
		if unit, n, ok := parseJournalSuppressed(msg); ok && s.sel.follows(unit) {
			s.addSuppressed(f, unit, n, received, now)
		}
		if !s.sel.showJournald {
			return false, nil
		}
	}
	fp := s.batch.slot()
	*fp = f
	if !lean { // restart boundaries need the boot and invocation ids
		if note := s.runs.observe(fp); note != "" {
			s.addMark(model.Record{Source: s.src, Offset: -1, Received: received, Journal: fp,
				Mark: model.MarkBoundary, Note: note}, now)
		}
	}
	rec := model.Record{Raw: msg, Source: s.src, Offset: -1, Received: received, Journal: fp, Note: note}
	if note == model.NoteMessageUnreadable {
		s.chains.addAlone(&s.batch, rec, s.piece(false), now)
	} else {
		s.chains.add(&s.batch, rec, s.piece(false), now)
	}
	s.lines++
	s.status.loaded.Add(1)
	return s.lines == s.limit, nil
}

// journalFieldConnlogKind marks a gap or boundary connlog exported in the
// journal format, which systemd-journal-remote made a journal entry of.
const journalFieldConnlogKind = "CONNLOG_KIND"

// addExportedMark adds the gap an entry connlog exported stands for, as a
// gap, not a line. A boundary is left out: connlog finds it again from the
// boot and run of the entry after it, which its record carries.
func (s *journalSession) addExportedMark(kind string, msg []byte, f model.JournalFields, at, now time.Time) {
	if kind != model.KindGap.String() {
		return
	}
	fp := s.batch.slot()
	*fp = f
	note, count := model.ParseGapMessage(string(msg))
	s.addMark(model.Record{Source: s.src, Offset: -1, Received: at, Journal: fp, Mark: model.MarkGap, Note: note, Count: count}, now)
}

// lean reports whether only MESSAGE, the time, the identifier and the
// fields of a split line's pieces (journalFieldsOfPieces) are read.
func (s *journalSession) lean() bool { return s.opts.MessageOnly && !s.opts.Follow }

// fieldsRead names the fields consume reads.
func (s *journalSession) fieldsRead() []string {
	if s.lean() {
		return append([]string{journalFieldMessage, journalFieldIdentifier, journalFieldConnlogKind, model.JournalFieldNoNewline},
			journalFieldsOfPieces...)
	}
	return append(append(append([]string{journalFieldMessage, journalFieldConnlogKind, model.JournalFieldNoNewline},
		journalFieldsKept...), journalFieldsOfPieces...), journalFieldsOfAudit...)
}

// addSuppressed adds the gap journald's rate-limit notice reports, attributed
// to the unit whose messages were dropped.
func (s *journalSession) addSuppressed(notice model.JournalFields, unit string, n int64, at, now time.Time) {
	fp := s.batch.slot()
	*fp = notice
	fp.Unit, fp.PID, fp.InvocationID = unit, 0, ""
	s.addMark(model.Record{Source: s.src, Offset: -1, Received: at, Journal: fp,
		Mark: model.MarkGap, Note: JournalNoteSuppressed, Count: n}, now)
}

// readFields reads the journald fields connlog keeps, and only those.
func (s *journalSession) readFields(f *model.JournalFields) {
	f.Priority = -1
	for _, name := range journalFieldsKept {
		setJournalField(f, name, s.bytes(name))
	}
}

// journalFieldsKept are the journald fields connlog keeps besides MESSAGE
// and the cursor (see model.JournalFields).
var journalFieldsKept = []string{journalFieldHostname, journalFieldUnit, journalFieldIdentifier,
	journalFieldBootID, journalFieldInvocation, journalFieldTransport, journalFieldPID, journalFieldPriority}

// setJournalField keeps value as field name of f when f keeps that field:
// the journal's own, or a journal export's read back. A number that does
// not parse is left as it was.
func setJournalField(f *model.JournalFields, name string, value []byte) {
	switch name {
	case journalFieldHostname:
		f.Hostname = string(value)
	case journalFieldUnit:
		f.Unit = string(value)
	case journalFieldIdentifier:
		f.Identifier = string(value)
	case journalFieldBootID:
		f.BootID = string(value)
	case journalFieldInvocation:
		f.InvocationID = string(value)
	case journalFieldTransport:
		f.Transport = string(value)
	case journalFieldPID:
		if pid, err := strconv.Atoi(string(value)); err == nil {
			f.PID = pid
		}
	case journalFieldPriority:
		if p, err := strconv.Atoi(string(value)); err == nil {
			f.Priority = p
		}
	}
}

// journalFieldsOfAudit make the stamp of an audit-transport record.
var journalFieldsOfAudit = []string{model.JournalFieldSourceRealtime, model.JournalFieldAuditSerial}

// readAuditStamp gives a record of the audit transport its stamp (see
// model.JournalFields.SetAuditStamp). Only those records have its fields,
// so the others are spared reading them; a lean read, which has no
// _TRANSPORT, knows them by their identifier.
func (s *journalSession) readAuditStamp(f *model.JournalFields) {
	if f.FromAudit() {
		f.SetAuditStamp(s.bytes(model.JournalFieldSourceRealtime), s.bytes(model.JournalFieldAuditSerial))
	}
}

// value returns a field of the current entry, "" when it is absent or
// unreadable (an unreadable entry is caught by message).
func (s *journalSession) value(field string) string { return string(s.bytes(field)) }

// bytes is value before it is made a string, valid until the next read.
func (s *journalSession) bytes(field string) []byte {
	v, ok, err := s.sd.Field(field)
	if err != nil || !ok {
		return nil
	}
	return v
}

// message returns the current entry's MESSAGE exactly as stored, whatever
// bytes it holds; an entry without one gives an empty (non-nil) line. An
// entry read but for its MESSAGE, whose data is damaged, gives an empty
// line noted model.NoteMessageUnreadable: it is shown, as journalctl shows
// it, not lost. An error means the entry cannot be read (its file was
// truncated or is corrupted).
func (s *journalSession) message() (msg []byte, note string, err error) {
	b, ok, err := s.sd.Field(journalFieldMessage)
	if errors.Is(err, journalfile.ErrFieldUnreadable) {
		return []byte{}, model.NoteMessageUnreadable, nil
	}
	if err != nil {
		return nil, "", err
	}
	if !ok {
		return []byte{}, "", nil
	}
	return b, s.lastLineNote(), nil
}

// lastLineNote is model.NoteLastLine for the entry connlog exported of the
// last line of an input that had no newline (model.JournalFieldNoNewline),
// "" for any other.
func (s *journalSession) lastLineNote() string {
	if model.IsNoNewlineValue(s.bytes(model.JournalFieldNoNewline)) {
		return model.NoteLastLine
	}
	return ""
}

// noteProblems adds a gap for each journal file the reader had to drop
// because it could no longer be read, so the loss is visible and counted,
// and returns how many there were.
func (s *journalSession) noteProblems() int {
	problems := s.sd.Problems()
	for _, err := range problems {
		now := time.Now()
		note, count := journalProblemNote(err)
		s.addMark(model.Record{Source: s.src, Offset: -1, Received: s.lossTime(err, now), Mark: model.MarkGap,
			Note: note, Count: count}, now)
	}
	s.filesLost += len(problems)
	return len(problems)
}

// lossTime dates a lost file's gap with the file's last entry read before
// the loss, when there is no line before the gap to date it (see
// decode's markEntry): the clock would date a loss in yesterday's journal
// today. A loss before --since still reaches into the window as far as
// anyone can tell (what came after that entry is gone), so it is dated at
// the window's start.
func (s *journalSession) lossTime(err error, now time.Time) time.Time {
	usec := journalfile.LossTime(err)
	if usec == 0 {
		return now
	}
	return time.UnixMicro(int64(max(usec, s.since)))
}

// journalProblemNote is the gap note of a journal reader's problem err,
// and how many entries it lost when known: entries skipped as unreadable
// are counted; a file of a newer systemd says so and what reads it; any
// other file dropped is truncated or corrupted.
func journalProblemNote(err error) (string, int64) {
	var unsupported *journalfile.UnsupportedError
	var skipped *journalfile.SkipError
	switch {
	case errors.As(err, &unsupported):
		return unsupported.Describe(filepath.Base(unsupported.Path)), 0
	case errors.As(err, &skipped):
		return JournalNoteUnreadable, int64(skipped.Entries)
	}
	var loss *journalfile.LossError
	if errors.As(err, &loss) {
		return JournalNoteFileLost, int64(loss.Entries)
	}
	return JournalNoteFileLost, 0
}

// unreadableEntry counts an entry whose message cannot be read (its bytes
// were overwritten) in the gap just before it when that gap says the same
// (a run of entries skipped as unreadable), or in a gap of its own.
func (s *journalSession) unreadableEntry() {
	if rs := s.batch.records; len(rs) > 0 {
		if last := &rs[len(rs)-1]; last.Mark == model.MarkGap && last.Note == JournalNoteUnreadable && last.Count > 0 {
			last.Count++
			return
		}
	}
	now := time.Now()
	s.addMark(model.Record{Source: s.src, Offset: -1, Received: now, Mark: model.MarkGap, Note: JournalNoteUnreadable, Count: 1}, now)
}
