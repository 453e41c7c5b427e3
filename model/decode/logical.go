package decode

import (
	"time"

	"connlog/model"
	"connlog/model/envelope"
)

// logical is one line as the payload parser will see it: a single record,
// or the records of a split line joined back together.
type logical struct {
	raw      []byte // the records' raw bytes, joined by '\n'
	payload  []byte
	kind     envelope.Kind
	env      envelope.Envelope // the first record's envelope
	offset   int64             // the first record's offset
	received time.Time         // the first record's receive time
	journal  *model.JournalFields
	flags    model.Flags
	oneLine  bool // raw is one record's newline-free line (model.Record.OneLine); a join clears it
}

// journalFields returns the journald fields the line came with: from a
// journalctl -o json envelope, or from the journal source.
func (l *logical) journalFields() *model.JournalFields {
	if l.env.Journal != nil {
		return l.env.Journal
	}
	return l.journal
}

// owned returns a copy of l whose bytes belong to it, for lines the decoder
// holds past the call that brought them (sources may reuse record buffers).
func (l logical) owned() logical {
	l.raw = append([]byte(nil), l.raw...)
	l.payload = append([]byte(nil), l.payload...)
	return l
}
