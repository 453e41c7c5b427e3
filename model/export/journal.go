package export

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"strconv"
	"time"
	"unicode/utf8"

	"connlog/model"
)

// Journal export format field names.
const (
	jCursor       = "__CURSOR"
	jRealtime     = "__REALTIME_TIMESTAMP"
	jBootID       = "_BOOT_ID"
	jHostname     = "_HOSTNAME"
	jUnit         = "_SYSTEMD_UNIT"
	jInvocationID = "_SYSTEMD_INVOCATION_ID"
	jTransport    = "_TRANSPORT"
	jIdentifier   = "SYSLOG_IDENTIFIER"
	jPID          = "_PID"
	jPriority     = "PRIORITY"
	jMessage      = "MESSAGE"
	jSource       = "CONNLOG_SOURCE"
	jOffset       = "CONNLOG_OFFSET"
	jKind         = "CONNLOG_KIND"
)

// journalWriter writes the systemd journal export format: each record a run
// of FIELD=value lines (or the binary form) ended by an empty line.
type journalWriter struct {
	w     *bufio.Writer
	names sourceNames
	// entries re-read the journal's entries by input, nil when redacting:
	// the fields connlog does not keep would not pass the redactor. An
	// entry read from journal JSON needs none: its line, which the
	// redactor saw, holds every field.
	entries map[model.SourceID]JournalEntries
	redact  bool
	last    sameRecord
	buf     []byte
	json    jsonRecord // the scratch of a record written from journal JSON
}

func newJournalWriter(w *bufio.Writer, opts Options) *journalWriter {
	j := &journalWriter{w: w, names: newSourceNames(opts.Sources), redact: opts.Redact != nil}
	j.addEntries(opts.Sources)
	return j
}

// addEntries takes the readers of the inputs' journal entries, unless
// the export is redacted.
func (j *journalWriter) addEntries(infos []SourceInfo) {
	if !j.redact {
		j.entries = JournalEntriesOf(infos, j.entries)
	}
}

func (j *journalWriter) write(e *model.Entry) (bool, error) {
	if !isMarker(e) && j.last.continues(e) {
		return true, nil
	}
	b := j.buf[:0]
	// A gap or boundary carries the journal fields of the entry it stands
	// before (or of journald's notice): written as that entry, it would be
	// an empty MESSAGE under another entry's cursor, and read back as a line.
	if jf := e.Origin.Journal; jf != nil && !isMarker(e) {
		b = j.appendJournalEntry(b, e, jf)
	} else {
		b = j.appendSyntheticRecord(b, e)
	}
	j.buf = append(b, '\n')
	if _, err := j.w.Write(j.buf); err != nil {
		return true, writeError("write journal export", err)
	}
	return true, nil
}

// appendJournaldRecord gives back the fields of a journal entry connlog
// keeps.
func appendJournaldRecord(b []byte, e *model.Entry, jf *model.JournalFields) []byte {
	b = appendJournalHead(b, e, jf)
	b = appendJournalField(b, jHostname, firstOf(jf.Hostname, e.Origin.Host))
	b = appendJournalField(b, jUnit, firstOf(jf.Unit, e.Origin.Unit))
	b = appendJournalField(b, jInvocationID, jf.InvocationID)
	b = appendJournalField(b, jTransport, jf.Transport)
	b = appendAuditStamp(b, jf.AuditStamp)
	b = appendJournalField(b, jIdentifier, firstOf(jf.Identifier, e.Origin.Ident))
	b = appendJournalInt(b, jPID, firstPositive(jf.PID, e.Origin.PID))
	if jf.Priority >= 0 && jf.Priority <= 7 {
		b = appendJournalInt(b, jPriority, jf.Priority)
	}
	if e.Flags.Has(model.FlagMessageUnreadable) {
		return b // as journalctl exports the entry: without the MESSAGE it could not read
	}
	return appendNoNewline(appendJournalBytes(b, jMessage, e.Raw), e)
}

// appendAuditStamp gives an audit record the fields journald kept its stamp
// in, from which reading the export back makes the same stamp.
func appendAuditStamp(b []byte, stamp string) []byte {
	if sourceRealtime, serial, ok := model.AuditStampFields(stamp); ok {
		b = appendJournalField(b, model.JournalFieldSourceRealtime, sourceRealtime)
		b = appendJournalField(b, model.JournalFieldAuditSerial, serial)
	}
	return b
}

// appendSyntheticRecord describes an entry that did not come from journald
// (or a gap or boundary, which journald did not write either) with the
// fields a journal reader expects, plus where it came from.
func (j *journalWriter) appendSyntheticRecord(b []byte, e *model.Entry) []byte {
	o := &e.Origin
	b = appendRealtime(b, e.Time, o.Received)
	b = appendJournalField(b, jHostname, o.HostName())
	b = appendJournalField(b, jUnit, firstOf(o.Unit, journalUnit(o.Journal)))
	b = appendMarkerRun(b, o.Journal)
	b = appendJournalField(b, jIdentifier, o.Ident)
	b = appendJournalInt(b, jPID, o.PID)
	if p, ok := syslogPriority(e.Level); ok {
		b = appendJournalInt(b, jPriority, p)
	}
	if isMarker(e) {
		b = appendJournalField(b, jMessage, Summary(e))
		b = appendJournalField(b, jKind, e.Kind.String())
	} else {
		b = appendJournalBytes(b, jMessage, withoutCRLF(e.Raw))
	}
	b = appendJournalField(b, jSource, j.names.name(e.Source))
	if o.Offset >= 0 {
		b = appendJournalInt(b, jOffset, int(o.Offset))
	}
	return appendNoNewline(b, e)
}

// appendNoNewline says that the line is the last one of an input that
// ended without a newline, which the journal has no field for.
func appendNoNewline(b []byte, e *model.Entry) []byte {
	if isMarker(e) || !e.Flags.Has(model.FlagNoNewline) {
		return b
	}
	return appendJournalField(b, model.JournalFieldNoNewline, "1")
}

// withoutCRLF is a line of a file as its MESSAGE: without the CR of a CRLF
// line end (the CR is in no field of the entry, as in ndjson and CSV; the
// raw export keeps it), that of each of its lines when it holds several.
// A CR elsewhere is the line's own. Only a line of several lines is copied.
func withoutCRLF(raw []byte) []byte {
	raw = bytes.TrimSuffix(raw, []byte{'\r'})
	if bytes.Contains(raw, crlf) {
		return bytes.ReplaceAll(raw, crlf, []byte{'\n'})
	}
	return raw
}

var crlf = []byte("\r\n")

// appendMarkerRun gives a gap or boundary from the journal the boot and the
// run of the unit it belongs to, so that a journal made of the export puts
// it in that boot. Its cursor, identifier and PID are those of another
// entry (the one it stands before, or journald's notice), and stay out.
func appendMarkerRun(b []byte, jf *model.JournalFields) []byte {
	if jf == nil {
		return b
	}
	if isBootID(jf.BootID) {
		b = appendJournalField(b, jBootID, jf.BootID)
	}
	return appendJournalField(b, jInvocationID, jf.InvocationID)
}

func journalUnit(jf *model.JournalFields) string {
	if jf == nil {
		return ""
	}
	return jf.Unit
}

// appendRealtime writes the first set time in microseconds; a record
// with no time at all gets none, and journal-remote keeps the previous one.
func appendRealtime(b []byte, first, second time.Time) []byte {
	if t, ok := realtimeOf(first, second); ok {
		return appendJournalInt64(b, jRealtime, t.UnixMicro())
	}
	return b
}

// realtimeOf is the first of two times that can be a record's time: set,
// and after the epoch.
func realtimeOf(first, second time.Time) (time.Time, bool) {
	for _, t := range [2]time.Time{first, second} {
		if !t.IsZero() && t.UnixMicro() > 0 {
			return t, true
		}
	}
	return time.Time{}, false
}

// syslogPriority maps a level to the syslog priority journald uses. An
// entry without a level has none (ok false): its record gets no PRIORITY,
// which connlog reads back as no level, as journalctl shows a record
// without one, where 6 would read back as info.
func syslogPriority(l model.Level) (p int, ok bool) {
	switch l {
	case model.LevelTrace, model.LevelDebug:
		return 7, true
	case model.LevelInfo:
		return 6, true
	case model.LevelNotice:
		return 5, true
	case model.LevelWarn:
		return 4, true
	case model.LevelError:
		return 3, true
	case model.LevelCritical:
		return 2, true
	}
	return 0, false
}

func appendJournalField(b []byte, name, value string) []byte {
	if value == "" {
		return b
	}
	if !journalText(value) {
		return appendJournalBinary(b, name, value)
	}
	b = append(b, name...)
	b = append(b, '=')
	b = append(b, value...)
	return append(b, '\n')
}

// appendJournalBytes writes a field that is kept even when empty (MESSAGE).
func appendJournalBytes(b []byte, name string, value []byte) []byte {
	v := bytesView(value)
	if !journalText(v) {
		return appendJournalBinary(b, name, v)
	}
	b = append(b, name...)
	b = append(b, '=')
	b = append(b, v...)
	return append(b, '\n')
}

func appendJournalInt(b []byte, name string, n int) []byte {
	if n <= 0 && name != jPriority {
		return b
	}
	return appendJournalInt64(b, name, int64(n))
}

func appendJournalInt64(b []byte, name string, n int64) []byte {
	b = append(b, name...)
	b = append(b, '=')
	b = strconv.AppendInt(b, n, 10)
	return append(b, '\n')
}

// appendJournalBinary writes NAME\n, the value's length as a little-endian
// uint64, the value and \n: the form for values a text line cannot carry.
func appendJournalBinary(b []byte, name, value string) []byte {
	b = append(b, name...)
	b = append(b, '\n')
	b = binary.LittleEndian.AppendUint64(b, uint64(len(value)))
	b = append(b, value...)
	return append(b, '\n')
}

// journalText reports whether a value can go in the FIELD=value form: valid
// UTF-8 with no control characters but tab, as journalctl itself decides.
func journalText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c == 0x7f {
			return false
		}
	}
	return utf8.ValidString(s)
}

// isBootID accepts the 32 hex digits journald uses; anything else would make
// journal-remote drop the record.
func isBootID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func firstPositive(a, b int) int {
	if a > 0 {
		return a
	}
	return b
}

func (j *journalWriter) close() error {
	if err := j.w.Flush(); err != nil {
		return writeError("write journal export", err)
	}
	return nil
}

func (j *journalWriter) abort() {}

// addSources implements sourceAdder.
func (j *journalWriter) addSources(infos []SourceInfo) {
	j.names.add(infos)
	j.addEntries(infos)
}
