package envelope

import (
	"time"

	"connlog/model"
)

// maxJournalArray bounds the nesting this reader follows in a MESSAGE array.
const maxJournalArray = 2

// decodeJournalJSON reads one line of `journalctl -o json`. MESSAGE is a
// string, or an array of byte values when it holds invalid UTF-8 (then the
// bytes are kept exactly), or an array of either when the field repeats (the
// first is used). __REALTIME_TIMESTAMP, microseconds since the epoch as a
// string, is the time. An audit-transport record's
// _SOURCE_REALTIME_TIMESTAMP and _AUDIT_ID make its stamp
// (model.JournalFields.SetAuditStamp). A line with neither __CURSOR nor
// __REALTIME_TIMESTAMP is some other JSON and does not fit.
func decodeJournalJSON(line []byte, c Context, buf []byte) (Envelope, []byte, bool) {
	it, ok := newObjIter(line)
	if !ok {
		return Envelope{}, buf, false
	}
	j := &model.JournalFields{Priority: -1}
	env := Envelope{Journal: j}
	msgVal, haveMsg, isJournal := 0, false, false
	var sourceRealtime, auditSerial []byte // an audit record's stamp, in either order
	for {
		key, val, ok := it.next()
		if !ok {
			break
		}
		switch string(key) {
		case "MESSAGE":
			msgVal, haveMsg = val, true
		case model.JournalFieldSourceRealtime:
			sourceRealtime = journalValue(line, val)
		case model.JournalFieldAuditSerial:
			auditSerial = journalValue(line, val)
		default:
			isJournal = journalField(j, &env, key, line, val, c) || isJournal
		}
		if !it.skip(val) {
			return Envelope{}, buf, false
		}
	}
	if !it.done() || !isJournal {
		return Envelope{}, buf, false
	}
	if auditSerial != nil {
		j.SetAuditStamp(sourceRealtime, auditSerial)
	}
	if haveMsg {
		env.Payload, buf = journalMessage(line, msgVal, buf, 0)
	}
	env.Host, env.Ident, env.PID = j.Hostname, j.Identifier, j.PID
	return env, buf, true
}

// looksJournalJSON is Detect's test: a well-formed object that has one of
// the keys journalctl always writes. It reads no values.
func looksJournalJSON(line []byte) bool {
	it, ok := newObjIter(line)
	if !ok {
		return false
	}
	isJournal := false
	for {
		key, val, ok := it.next()
		if !ok {
			break
		}
		switch string(key) {
		case "__CURSOR", "__REALTIME_TIMESTAMP":
			isJournal = true
		}
		if !it.skip(val) {
			return false
		}
	}
	return isJournal && it.done()
}

// journalField stores one field this package keeps and reports whether the
// key marks the line as journal output (__CURSOR, __REALTIME_TIMESTAMP).
func journalField(j *model.JournalFields, env *Envelope, key, line []byte, val int, c Context) bool {
	switch string(key) {
	case "__CURSOR":
		j.Cursor = string(journalValue(line, val))
		return true
	case "__REALTIME_TIMESTAMP":
		if us, ok := atoi(journalValue(line, val)); ok {
			env.Time = time.UnixMicro(int64(us))
		}
		return true
	case "_HOSTNAME":
		j.Hostname = c.str(journalValue(line, val))
	case "_SYSTEMD_UNIT":
		j.Unit = c.str(journalValue(line, val))
	case "SYSLOG_IDENTIFIER":
		j.Identifier = c.str(journalValue(line, val))
	case "_COMM":
		if j.Identifier == "" {
			j.Identifier = c.str(journalValue(line, val))
		}
	case "_PID":
		j.PID, _ = atoi(journalValue(line, val))
	case "PRIORITY":
		if p, ok := atoi(journalValue(line, val)); ok && p <= 7 {
			j.Priority = p
		}
	case "_BOOT_ID":
		j.BootID = c.str(journalValue(line, val))
	case "_SYSTEMD_INVOCATION_ID":
		j.InvocationID = c.str(journalValue(line, val))
	case "_TRANSPORT":
		j.Transport = c.str(journalValue(line, val))
	}
	return false
}

// journalValue returns the content of the string value at line[val], with
// escapes resolved when it has any, or the bare token of a number. It
// returns nil for anything else.
func journalValue(line []byte, val int) []byte {
	if val < len(line) && line[val] == '"' {
		s, _, ok := scanString(line, val)
		if !ok {
			return nil
		}
		if s.escapes {
			return appendUnescaped(nil, line[s.start:s.end])
		}
		return line[s.start:s.end]
	}
	end, ok := skipValue(line, val)
	if !ok || val >= len(line) || !isDigit(line[val]) {
		return nil
	}
	return line[val:end]
}

// atoi parses a non-negative decimal number of at most 18 digits.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	return digits(b, 0, len(b))
}

// journalMessage appends MESSAGE's bytes to buf when it cannot alias line,
// and returns the payload and buf.
func journalMessage(line []byte, val int, buf []byte, depth int) ([]byte, []byte) {
	if val >= len(line) {
		return nil, buf
	}
	switch line[val] {
	case '"':
		s, _, ok := scanString(line, val)
		if !ok {
			return nil, buf
		}
		if !s.escapes {
			return line[s.start:s.end], buf
		}
		start := len(buf)
		buf = appendUnescaped(buf, line[s.start:s.end])
		return buf[start:len(buf):len(buf)], buf
	case '[':
		return journalArray(line, val, buf, depth)
	}
	return nil, buf
}

// journalArray reads a MESSAGE array: the byte values of a binary message,
// or (for a repeated field) the first of its values.
func journalArray(line []byte, val int, buf []byte, depth int) ([]byte, []byte) {
	i := skipSpace(line, val+1)
	if i >= len(line) {
		return nil, buf
	}
	if line[i] == '"' || line[i] == '[' {
		if depth >= maxJournalArray {
			return nil, buf
		}
		return journalMessage(line, i, buf, depth+1)
	}
	return journalBytes(line, i, buf)
}

// journalBytes reads the byte values of a binary value, from line[i] (after
// the array's '[') to its ']', appended to buf. Anything but a byte value
// gives no bytes.
func journalBytes(line []byte, i int, buf []byte) ([]byte, []byte) {
	v, buf, _, _ := journalByteArray(line, i, buf)
	return v, buf
}

// journalByteArray is journalBytes that also reports the index just past
// the array's ']' and whether every value was a byte (ok), so that a reader
// of the whole line knows where the array ends.
func journalByteArray(line []byte, i int, buf []byte) (_, _ []byte, end int, ok bool) {
	start := len(buf)
	for i < len(line) && line[i] != ']' {
		end := i
		for end < len(line) && isDigit(line[end]) {
			end++
		}
		n, ok := digits(line, i, end-i)
		if !ok || end == i || end-i > 3 || n > 255 {
			return buf[start:start:start], buf[:start], i, false
		}
		buf = append(buf, byte(n))
		i = skipSpace(line, end)
		if i < len(line) && line[i] == ',' {
			i = skipSpace(line, i+1)
		}
	}
	if i >= len(line) {
		return buf[start:len(buf):len(buf)], buf, i, false
	}
	return buf[start:len(buf):len(buf)], buf, i + 1, true
}
