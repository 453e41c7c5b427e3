package remote

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"connlog/model"
)

// parseVLRow reads one NDJSON line of a VictoriaLogs response: an object of
// string values. A line that is not such an object, or has no valid _time,
// is an error that names it; the caller decides what it costs.
func parseVLRow(line []byte) (Row, error) {
	var m map[string]string
	if err := json.Unmarshal(line, &m); err != nil {
		return Row{}, fmt.Errorf("the store sent a line that is not a log entry (%.80q): %w", line, err)
	}
	t, err := time.Parse(time.RFC3339Nano, m[vlFieldTime])
	if err != nil {
		return Row{}, fmt.Errorf("the store sent an entry without a valid _time (%.40q)", m[vlFieldTime])
	}
	r := Row{Time: t, Message: []byte(m[vlFieldMessage]), Stream: m[vlFieldStreamID]}
	f := &r.Fields
	f.Hostname, f.Unit, f.Identifier = m[vlFieldHostname], m[vlFieldUnit], m[vlFieldIdentifier]
	f.BootID, f.InvocationID, f.Transport = m[vlFieldBootID], m[vlFieldInvocation], m[vlFieldTransport]
	f.PID, _ = strconv.Atoi(m[vlFieldPID])
	f.Priority = -1
	if p, err := strconv.Atoi(m[vlFieldPriority]); err == nil {
		f.Priority = p
	}
	return r, nil
}

// record turns a row into the record a journal entry would give, so that
// decoding is the same as for the local journal.
func (r *Row) record(src model.SourceID) model.Record {
	f := r.Fields
	return model.Record{Raw: r.Message, Source: src, Offset: -1, Received: r.Time, Journal: &f}
}
