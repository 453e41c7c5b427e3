//go:build linux && cgo

package source

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"connlog/model"
)

// consume reads the current entry and adds what it yields to the batch: its
// line, preceded by a boundary when a new run starts, or, for journald's
// notice about a followed unit, a gap. stop is true once past Until.
func (s *journalSession) consume() (stop bool, err error) {
	lean := s.opts.MessageOnly && !s.opts.Follow
	var cursor string
	if !lean {
		if cursor, err = s.sd.GetCursor(); err != nil {
			return false, fmt.Errorf("read the journal cursor: %w", err)
		}
		s.anchor = cursor
	}
	now := time.Now()
	received := now
	if usec, err := s.sd.GetRealtimeUsec(); err == nil {
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
	msg := s.message()
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
			s.batch.add(model.Record{Source: s.src, Offset: -1, Received: received, Journal: fp,
				Mark: model.MarkBoundary, Note: note}, now)
		}
	}
	s.batch.add(model.Record{Raw: msg, Source: s.src, Offset: -1, Received: received, Journal: fp}, now)
	s.lines++
	s.status.loaded.Add(1)
	return false, nil
}

// addSuppressed adds the gap journald's rate-limit notice reports, attributed
// to the unit whose messages were dropped.
func (s *journalSession) addSuppressed(notice model.JournalFields, unit string, n int64, at, now time.Time) {
	fp := s.batch.slot()
	*fp = notice
	fp.Unit, fp.PID, fp.InvocationID = unit, 0, ""
	s.batch.add(model.Record{Source: s.src, Offset: -1, Received: at, Journal: fp,
		Mark: model.MarkGap, Note: JournalNoteSuppressed, Count: n}, now)
}

// readFields reads the journald fields connlog keeps, and only those.
func (s *journalSession) readFields(f *model.JournalFields) {
	f.Hostname = s.value(journalFieldHostname)
	f.Unit = s.value(journalFieldUnit)
	f.Identifier = s.value(journalFieldIdentifier)
	f.BootID = s.value(journalFieldBootID)
	f.InvocationID = s.value(journalFieldInvocation)
	f.Transport = s.value(journalFieldTransport)
	if pid, err := strconv.Atoi(s.value(journalFieldPID)); err == nil {
		f.PID = pid
	}
	f.Priority = -1
	if p, err := strconv.Atoi(s.value(journalFieldPriority)); err == nil {
		f.Priority = p
	}
}

// value returns a field of the current entry, "" when it is absent or
// unreadable.
func (s *journalSession) value(field string) string {
	v, err := s.sd.GetData(field)
	if err != nil || len(v) <= len(field) || v[len(field)] != '=' || !strings.HasPrefix(v, field) {
		return ""
	}
	return v[len(field)+1:]
}

// message returns the current entry's MESSAGE exactly as stored, whatever
// bytes it holds; an entry without one gives an empty (non-nil) line.
func (s *journalSession) message() []byte {
	const prefix = journalFieldMessage + "="
	b, err := s.sd.GetDataBytes(journalFieldMessage)
	if err != nil || len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
		return []byte{}
	}
	return b[len(prefix):len(b):len(b)]
}
