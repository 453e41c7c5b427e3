package export

import (
	"slices"

	"connlog/model"
	"connlog/model/envelope"
)

// journalJSON is the envelope of a line of `journalctl -o json`.
var journalJSON = envelope.JournalJSON.String()

// jsonHead are the fields journalctl -o export writes before an entry's
// others, in its order.
var jsonHead = [...]string{jCursor, jRealtime, jMonotonic, "__SEQNUM", "__SEQNUM_ID", jBootID}

// jsonRecord is the scratch of a record written from a journal JSON line:
// its head fields and its others, apart until the record is whole.
type jsonRecord struct {
	head  []byte
	spans [len(jsonHead)][2]int // where each head field's value lies in head; {0, 0} when absent
	rest  []byte
}

// appendJSONEntry writes an entry read from a line of `journalctl -o json`
// as journalctl -o export writes that entry: the line holds every field of
// it, a MESSAGE that is the message (not the line) among them. The cursor,
// times and boot come first (a line whose keys were sorted has them last),
// the others in the line's order; a field whose name the format cannot
// carry is left out, as are a boot ID journal-remote would drop the record
// for and times that are no number. A line with no time of its own gets
// the entry's. ok is false when the entry's line is no journal JSON.
func (j *journalWriter) appendJSONEntry(b []byte, e *model.Entry) (_ []byte, ok bool) {
	if e.Origin.Envelope != journalJSON {
		return b, false
	}
	r := &j.json
	r.head, r.rest, r.spans = r.head[:0], r.rest[:0], [len(jsonHead)][2]int{}
	if !envelope.JournalJSONFields(e.Raw, r.field) {
		return b, false
	}
	for i, name := range jsonHead {
		if span := r.spans[i]; span[1] > 0 {
			b = appendJournalBytes(b, name, r.head[span[0]:span[1]])
		} else if name == jRealtime {
			b = appendRealtime(b, e.Origin.Received, e.Time)
		}
	}
	return append(b, r.rest...), true
}

// field takes one field of the line.
func (r *jsonRecord) field(name, value []byte) {
	if !model.IsJournalFieldName(name) {
		return
	}
	i := slices.Index(jsonHead[:], bytesView(name))
	if i < 0 {
		r.rest = appendJournalBytes(r.rest, bytesView(name), value)
		return
	}
	if r.spans[i][1] > 0 || !validHead(jsonHead[i], value) {
		return // the first of a head field given twice
	}
	r.spans[i][0] = len(r.head)
	r.head = append(r.head, value...)
	r.spans[i][1] = len(r.head)
}

// validHead reports whether a head field's value is one journal-remote
// takes: a boot ID of 32 hex digits, times and sequence numbers in
// decimal. Another makes it drop the whole record.
func validHead(name string, value []byte) bool {
	switch name {
	case jBootID:
		return isBootID(bytesView(value))
	case jRealtime, jMonotonic, "__SEQNUM":
		return len(value) > 0 && len(value) <= 20 && !slices.ContainsFunc(value, func(c byte) bool { return c < '0' || c > '9' })
	}
	return len(value) > 0
}
