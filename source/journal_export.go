package source

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"time"

	"connlog/model"
)

// exportFramer turns the line records of the systemd journal export format
// (`journalctl -o export`, `connlog export --format journal`) back into one
// record per journal entry, as the journal source would have sent it: Raw
// is the MESSAGE, Received the entry's __REALTIME_TIMESTAMP, Journal its
// fields. An entry is a run of fields ended by an empty line; a field is
// KEY=value on one line, or KEY on a line of its own followed by the
// value's length (64-bit little-endian), the value and a newline. A binary
// value may hold newlines, and so may its length: the framer split it into
// lines, and the pieces are joined back with the newlines between them.
//
// The input is hostile: a line that is no field is sent as a line of its
// own, so that nothing read is hidden; a length past maxExportValue is taken
// for such a line rather than waited for; an entry cut by the end of the
// input is still sent.
type exportFramer struct {
	id   model.SourceID
	emit func(model.Record)

	cur      exportEntry
	binKey   string // the binary field being read, "" when none
	binBuf   []byte // its length and value so far
	binLines int    // the lines binBuf was joined from

	// window, when set, keeps each entry's fields (those of standard
	// input, which cannot be read again); kept are the entry's so far.
	window *RecordWindow
	kept   recordFields
}

// exportEntry is the entry being read.
type exportEntry struct {
	fields    model.JournalFields
	message   []byte // a slice of the line it was read from, or a copy of a binary value
	msgOffset int64  // where a text MESSAGE's value lies in its file, -1 when it cannot be re-read
	realtime  int64  // µs since the epoch, 0 when absent
	kind      string // CONNLOG_KIND: a gap or boundary connlog exported
	noNewline bool   // CONNLOG_NO_NEWLINE: the last line of an input that had no newline
	n         int    // fields read
	cut       bool   // a value was cut (a line longer than the framer keeps)
	firstSeen time.Time
	// sourceRealtime and auditSerial make an audit record's stamp (see
	// model.JournalFields.SetAuditStamp), whatever order they come in.
	sourceRealtime, auditSerial []byte
}

// maxExportValue bounds a binary value's length: a larger one is not a
// MESSAGE the journal keeps (it caps them far lower) but garbage, which
// must not make the framer swallow the rest of the input.
const maxExportValue = 64 << 20

// maxExportKey is the longest field name the framer takes for one.
const maxExportKey = model.MaxJournalFieldName

// exportLineBytes is the longest line of the export format kept whole when
// connlog keeps lines of up to maxLine bytes (DefaultMaxLineBytes when 0):
// a field line is a value that long behind its name and '=', and the first
// line of a binary value one behind its 8-byte length, so that a line
// connlog kept reads back whole from its export.
func exportLineBytes(maxLine int) int {
	if maxLine <= 0 {
		maxLine = DefaultMaxLineBytes
	}
	return maxLine + max(maxExportKey+1, 8)
}

// newExportFramer returns a framer sending its records to emit.
func newExportFramer(id model.SourceID, emit func(model.Record)) *exportFramer {
	f := &exportFramer{id: id, emit: emit}
	f.cur.fields.Priority, f.cur.msgOffset = -1, -1
	return f
}

// record takes one record of the line source: a line, or a mark, which
// passes through.
func (f *exportFramer) record(r *model.Record) {
	if r.Mark != model.MarkLine {
		f.emit(*r)
		return
	}
	if f.cur.n == 0 && f.binKey == "" {
		f.cur.firstSeen = r.Received
	}
	if r.Note == model.NoteCutLine {
		f.cur.cut = true
	}
	switch {
	case f.binKey == "":
		f.line(r)
	case r.Note == model.NoteCutLine:
		// The rest of the line is gone: the value ends with what is left.
		f.appendBinary(r.Raw)
		f.endBinaryCut()
	default:
		f.binaryLine(r.Raw)
	}
}

// textOffset is where the line of r lies in its file when it can be read
// there again, whole and ended by its newline; -1 otherwise.
func textOffset(r *model.Record) int64 {
	if r.Note != "" {
		return -1 // cut, or not ended by a newline
	}
	return r.Offset
}

// line reads a line outside a binary value.
func (f *exportFramer) line(r *model.Record) {
	b, off := r.Raw, textOffset(r)
	if len(b) == 0 {
		f.end()
		return
	}
	for i, c := range b {
		if c == '=' {
			if i > 0 && model.IsJournalFieldName(b[:i]) {
				f.field(string(b[:i]), b[i+1:])
				if string(b[:i]) == journalFieldMessage && off >= 0 {
					// The value is followed by its newline, as a line is:
					// the store re-reads it as one (JournalExport.ReadRaw).
					f.cur.msgOffset = off + int64(i) + 1
				}
				return
			}
			break
		}
	}
	if model.IsJournalFieldName(b) {
		f.binKey, f.binBuf, f.binLines = string(b), f.binBuf[:0], 0
		return
	}
	f.emit(model.Record{Raw: b, Source: f.id, Offset: off, Received: r.Received, Note: r.Note})
}

// binaryLine adds a line to the binary value being read: its length, then
// as many bytes as it says, the newlines the framer cut at put back.
func (f *exportFramer) binaryLine(b []byte) {
	f.appendBinary(b)
	if len(f.binBuf) < 8 {
		return
	}
	n := binary.LittleEndian.Uint64(f.binBuf)
	switch {
	case n > maxExportValue:
		// No value: the name and what followed it are lines of their own,
		// and what follows is read as lines again.
		raw := append(append([]byte(f.binKey), '\n'), f.binBuf...)
		f.emit(model.Record{Raw: raw, Source: f.id, Offset: -1, Received: f.cur.firstSeen})
		f.binKey = ""
	case uint64(len(f.binBuf)-8) < n:
		// The value goes on past the newline this line ended with.
	default:
		// The value ends the line; more on it means the length was wrong,
		// and the value is cut at what it said.
		f.field(f.binKey, bytes.Clone(f.binBuf[8:8+n])) // binBuf is reused
		f.binKey = ""
	}
}

// field keeps what connlog shows of one field; the others are counted, so
// that an entry of fields connlog does not show still makes an entry.
func (f *exportFramer) field(key string, v []byte) {
	e := &f.cur
	e.n++
	if f.window != nil {
		f.keep(key, v)
	}
	switch key {
	case journalFieldMessage:
		e.message, e.msgOffset = v, -1
	case "__REALTIME_TIMESTAMP":
		if us, err := strconv.ParseInt(string(v), 10, 64); err == nil && us > 0 {
			e.realtime = us
		}
	case "__CURSOR":
		e.fields.Cursor = string(v)
	case model.JournalFieldSourceRealtime:
		e.sourceRealtime = v
	case model.JournalFieldAuditSerial:
		e.auditSerial = v
	case "CONNLOG_KIND":
		e.kind = string(v)
	case model.JournalFieldNoNewline:
		e.noNewline = model.IsNoNewlineValue(v)
	default:
		setJournalField(&e.fields, key, v)
	}
}

// keep keeps a field for the window; a MESSAGE's value is the line read,
// and need not be kept.
func (f *exportFramer) keep(key string, v []byte) {
	if key == journalFieldMessage {
		v = nil
	}
	f.kept.add([]byte(key), v)
}

// end sends the entry read, if any, and starts the next.
func (f *exportFramer) end() {
	e := &f.cur
	if e.n > 0 {
		f.emit(e.record(f.id))
	}
	if f.window != nil && !e.cut && e.fields.Cursor != "" {
		f.window.put(e.fields.Cursor, &f.kept)
	}
	f.kept.buf, f.kept.ends = f.kept.buf[:0], f.kept.ends[:0]
	*e = exportEntry{msgOffset: -1}
	e.fields.Priority = -1
}

// appendBinary adds a line to the binary value, after the newline the
// line before it ended with.
func (f *exportFramer) appendBinary(b []byte) {
	if f.binLines > 0 {
		f.binBuf = append(f.binBuf, '\n')
	}
	f.binLines++
	f.binBuf = append(f.binBuf, b...)
}

// flush sends an entry the input ended in the middle of, with a binary
// value cut short taken as far as it was read.
func (f *exportFramer) flush() {
	if f.binKey != "" {
		f.endBinaryCut()
	}
	f.end()
}

// endBinaryCut ends the binary value being read with the bytes it has,
// cut short of its length.
func (f *exportFramer) endBinaryCut() {
	if len(f.binBuf) > 8 {
		n := min(uint64(len(f.binBuf)-8), binary.LittleEndian.Uint64(f.binBuf))
		f.field(f.binKey, bytes.Clone(f.binBuf[8:8+n]))
		f.cur.cut = true
	}
	f.binKey = ""
}

// record is the entry as the journal source would have sent it; a gap or
// boundary connlog exported comes back as one, saying what it said.
func (e *exportEntry) record(id model.SourceID) model.Record {
	received := e.firstSeen
	if e.realtime > 0 {
		received = time.UnixMicro(e.realtime)
	}
	fields := e.fields
	if e.auditSerial != nil {
		fields.SetAuditStamp(e.sourceRealtime, e.auditSerial)
	}
	r := model.Record{Source: id, Offset: -1, Received: received, Journal: &fields}
	switch e.kind {
	case model.KindGap.String():
		r.Mark = model.MarkGap
		r.Note, r.Count = model.ParseGapMessage(string(e.message))
		return r
	case model.KindBoundary.String():
		r.Mark, r.Note = model.MarkBoundary, model.BoundaryNote(string(e.message))
		return r
	}
	// The line records' bytes are the receiver's, and so are the values
	// that are slices of them: a MESSAGE is handed on without a copy.
	r.Raw = e.message
	if r.Raw == nil {
		r.Raw = []byte{} // an entry without one is an empty line, as the journal source sends it
	}
	switch {
	case e.cut:
		r.Note = model.NoteCutLine
	case e.noNewline:
		r.Note, r.Offset = model.NoteLastLine, e.msgOffset
	default:
		r.Offset = e.msgOffset
	}
	return r
}
