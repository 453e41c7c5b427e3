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
	t, err := time.Parse(time.RFC3339Nano, m[colTime])
	if err != nil {
		return Row{}, fmt.Errorf("the store sent an entry without a valid _time (%.40q)", m[colTime])
	}
	r := Row{Time: t, Message: []byte(m[colMessage]), Stream: m[colStream]}
	f := &r.Fields
	f.Hostname, f.Unit, f.Identifier = m[colHostname], m[colUnit], m[colIdentifier]
	f.BootID, f.InvocationID, f.Transport = m[colBootID], m[colInvocation], m[colTransport]
	f.PID, _ = strconv.Atoi(m[colPID])
	f.Priority = -1
	if p, err := strconv.Atoi(m[colPriority]); err == nil {
		f.Priority = p
	}
	if m[colAuditSerial] != "" {
		f.SetAuditStamp([]byte(m[colSourceRealtime]), []byte(m[colAuditSerial]))
	}
	return r, nil
}

// vlRow holds the fields connlog reads from a response line, by their
// position in vlFields.
type vlRow [len(vlFields)]string

// Positions in vlFields.
const (
	colTime = iota
	colStream
	colMessage
	colHostname
	colUnit
	colIdentifier
	colPID
	colPriority
	colBootID
	colInvocation
	colTransport
	colSourceRealtime
	colAuditSerial
)

// vlFieldColumn maps a field name to its position in vlFields.
var vlFieldColumn = func() map[string]int {
	m := make(map[string]int, len(vlFields))
	for i, f := range vlFields {
		m[f] = i
	}
	return m
}()

// set keeps a field connlog reads; names match exactly.
func (m *vlRow) set(key, val []byte) {
	if i, ok := vlFieldColumn[string(key)]; ok {
		m[i] = string(val)
	}
}

// record turns a row into the record a journal entry would give, so that
// decoding is the same as for the local journal.
func (r *Row) record(src model.SourceID) model.Record {
	f := r.Fields
	return model.Record{Raw: r.Message, Source: src, Offset: -1, Received: r.Time, Journal: &f}
}
