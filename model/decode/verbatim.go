package decode

import (
	"bytes"

	"connlog/model"
	"connlog/model/envelope"
)

// MessageInRaw reports whether every message field a parse of e yields is
// a part of e's raw bytes as they are, so that a line whose raw bytes lack
// a text cannot have a message holding it: e is one line (not joined from
// pieces), with no backslash (no escape a parser would decode) and no ESC
// (no terminal sequence one would strip), and its envelope carries the
// payload as text (journal-json may give MESSAGE as an array of byte
// values). A gap or boundary, whose message is not in its raw bytes, never
// qualifies. The tests and fuzzers of this package hold every parser to
// it (checkMessageInRaw).
func MessageInRaw(e *model.Entry) bool {
	if e.IsMark() || e.Origin.Envelope == envelope.JournalJSON.String() {
		return false
	}
	raw := e.Raw
	return bytes.IndexByte(raw, '\n') < 0 && bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, 0x1b) < 0
}
