package remote

import (
	"fmt"
	"strconv"
	"time"

	"connlog/model"
)

// parseVLRow reads one NDJSON line of a VictoriaLogs response: an object of
// string values. A line that is not such an object, or has no valid _time,
// is an error that names it; the caller decides what it costs.
func parseVLRow(line []byte) (Row, error) {
	var m vlRow
	if err := parseFlatObject(line, m.set); err != nil {
		return Row{}, fmt.Errorf("the store sent a line that is not a log entry (%.80q): %w", line, err)
	}
	return m.row()
}

// row checks the time and converts the fields.
func (m *vlRow) row() (Row, error) {
	t, err := time.Parse(time.RFC3339Nano, m.Time)
	if err != nil {
		return Row{}, fmt.Errorf("the store sent an entry without a valid _time (%.40q)", m.Time)
	}
	r := Row{Time: t, Message: []byte(m.Message), Stream: m.Stream}
	f := &r.Fields
	f.Hostname, f.Unit, f.Identifier = m.Hostname, m.Unit, m.Identifier
	f.BootID, f.InvocationID, f.Transport = m.BootID, m.Invocation, m.Transport
	f.PID, _ = strconv.Atoi(m.PID)
	f.Priority = -1
	if p, err := strconv.Atoi(m.Priority); err == nil {
		f.Priority = p
	}
	return r, nil
}

// vlRow is the part of a response line connlog reads (see vlFields).
type vlRow struct {
	Time, Stream, Message, Hostname, Unit, Identifier string
	PID, Priority, BootID, Invocation, Transport      string
}

// set keeps a field connlog reads; names match exactly.
func (m *vlRow) set(key, val []byte) {
	var p *string
	switch string(key) {
	case vlFieldTime:
		p = &m.Time
	case vlFieldStreamID:
		p = &m.Stream
	case vlFieldMessage:
		p = &m.Message
	case vlFieldHostname:
		p = &m.Hostname
	case vlFieldUnit:
		p = &m.Unit
	case vlFieldIdentifier:
		p = &m.Identifier
	case vlFieldPID:
		p = &m.PID
	case vlFieldPriority:
		p = &m.Priority
	case vlFieldBootID:
		p = &m.BootID
	case vlFieldInvocation:
		p = &m.Invocation
	case vlFieldTransport:
		p = &m.Transport
	default:
		return
	}
	*p = string(val)
}

// record turns a row into the record a journal entry would give, so that
// decoding is the same as for the local journal.
func (r *Row) record(src model.SourceID) model.Record {
	f := r.Fields
	return model.Record{Raw: r.Message, Source: src, Offset: -1, Received: r.Time, Journal: &f}
}
