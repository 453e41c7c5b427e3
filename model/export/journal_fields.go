package export

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"

	"connlog/model"
)

// jMonotonic is the export format's monotonic time, which the cursor holds.
const jMonotonic = "__MONOTONIC_TIMESTAMP"

// JournalEntriesOf adds the inputs that re-read their journal entries to
// into (nil makes a map, when there is one), by input.
func JournalEntriesOf(infos []SourceInfo, into map[model.SourceID]JournalEntries) map[model.SourceID]JournalEntries {
	for _, s := range infos {
		if s.Entries == nil {
			continue
		}
		if into == nil {
			into = map[model.SourceID]JournalEntries{}
		}
		into[s.ID] = s.Entries
	}
	return into
}

// appendJournalEntry writes an entry of the journal with every field the
// journal holds for it, as journalctl -o export writes it: from its line
// when it was read from journal JSON, which holds them all, else re-read by
// its cursor; when it cannot be re-read (a redacted export, whose fields
// must pass the redactor, or an entry vacuumed since), with the fields
// connlog keeps.
func (j *journalWriter) appendJournalEntry(b []byte, e *model.Entry, jf *model.JournalFields) []byte {
	if out, ok := j.appendJSONEntry(b, e); ok {
		return out
	}
	if r := j.entries[e.Source]; r != nil && jf.Cursor != "" {
		if out, ok := appendReadEntry(b, e, jf, r); ok {
			return out
		}
	}
	return appendJournaldRecord(b, e, jf)
}

// appendReadEntry appends the record of the entry as the journal holds it,
// with the line connlog read as its MESSAGE: a line joined from several
// entries (a container's pieces) is whole, and not flagged a piece. ok is
// false, and b as given, when the journal no longer holds the entry.
func appendReadEntry(b []byte, e *model.Entry, jf *model.JournalFields, r JournalEntries) (_ []byte, ok bool) {
	start := len(b)
	b = appendJournalHead(b, e, jf)
	// An entry whose MESSAGE could not be read has none, as journalctl
	// writes it.
	rd := readRecord{b: b, start: start, head: len(b), line: e.Raw,
		joined: jf.EndCursor != "", message: e.Flags.Has(model.FlagMessageUnreadable)}
	realtime, _ := realtimeOf(e.Origin.Received, e.Time)
	found, err := r.JournalEntry(jf.Cursor, realtime, rd.field)
	if err != nil || !found {
		return rd.b[:start], false
	}
	if !rd.message {
		rd.b = appendJournalBytes(rd.b, jMessage, e.Raw)
	}
	return rd.b, true
}

// readRecord is a record being written from the fields re-read.
type readRecord struct {
	b           []byte
	start, head int    // where the record begins in b, and where the head written for it ends
	line        []byte // the line connlog read, the MESSAGE
	joined      bool   // the line is joined from several entries
	message     bool   // the MESSAGE is written, or is to be left out
	own         bool   // the fields re-read have their own head, in their order
}

// field writes one field re-read ("NAME=value").
func (rd *readRecord) field(field []byte) {
	eq := bytes.IndexByte(field, '=')
	if eq <= 0 {
		return
	}
	name := string(field[:eq])
	if len(rd.b) == rd.head && !rd.own && strings.HasPrefix(name, "__") {
		// An export file's record: its cursor and times come in its own
		// order, in place of those written for it.
		rd.b, rd.own = rd.b[:rd.start], true
	}
	switch name {
	case jMessage: // the line read, in its place
		if !rd.message {
			rd.b, rd.message = appendJournalBytes(rd.b, jMessage, rd.line), true
		}
		return
	case jBootID, jCursor, jRealtime, jMonotonic: // written first
		if !rd.own {
			return
		}
	case "CONTAINER_PARTIAL_MESSAGE": // a joined line is no piece
		if rd.joined {
			return
		}
	}
	rd.b = appendJournalPair(rd.b, field, eq)
}

// appendJournalPair writes a field "NAME=value" (eq the index of '='),
// in the binary form when the value needs it.
func appendJournalPair(b, field []byte, eq int) []byte {
	value := field[eq+1:]
	if journalText(bytesView(value)) {
		b = append(b, field...)
		return append(b, '\n')
	}
	b = append(b, field[:eq]...)
	b = append(b, '\n')
	b = binary.LittleEndian.AppendUint64(b, uint64(len(value)))
	b = append(b, value...)
	return append(b, '\n')
}

// appendJournalHead writes what journalctl -o export writes before an
// entry's fields: its cursor, times and boot.
func appendJournalHead(b []byte, e *model.Entry, jf *model.JournalFields) []byte {
	b = appendJournalField(b, jCursor, jf.Cursor)
	b = appendRealtime(b, e.Origin.Received, e.Time)
	b = appendMonotonic(b, jf.Cursor)
	if isBootID(jf.BootID) {
		b = appendJournalField(b, jBootID, jf.BootID)
	}
	return b
}

// appendMonotonic writes the monotonic time a cursor holds ("m=" in hex),
// if any.
func appendMonotonic(b []byte, cursor string) []byte {
	for part := range strings.SplitSeq(cursor, ";") {
		if hex, ok := strings.CutPrefix(part, "m="); ok {
			if us, err := strconv.ParseUint(hex, 16, 64); err == nil {
				b = append(b, jMonotonic...)
				b = append(b, '=')
				b = strconv.AppendUint(b, us, 10)
				return append(b, '\n')
			}
		}
	}
	return b
}
