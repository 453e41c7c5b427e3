package decode

import (
	"bytes"
	"unsafe"

	"connlog/model"
	"connlog/model/envelope"
)

// MessageInRaw reports whether every message field a parse of e yields is
// a part of e's raw bytes as they are, so that a line whose raw bytes lack
// a text cannot have a message holding it. It holds for one line (not
// joined from pieces) whose payload is a slice of it, copied and unescaped
// from nothing, and holds no backslash (no escape a parser would decode)
// and no ESC (no terminal sequence one would strip): a line with neither
// anywhere, unless its envelope is journal-json, which may give MESSAGE as
// an array of byte values; or a docker json-file record whose only escape
// is the newline ending its log string; or a journal-json record whose
// MESSAGE is text without escapes. A gap or boundary, whose message
// is not in its raw bytes, never qualifies. The tests and fuzzers of this
// package hold every parser to it (checkMessageInRaw).
func MessageInRaw(e *model.Entry) bool { return messageInRaw(e, false) }

// messageInRaw is MessageInRaw for an entry as its decoder made it, whose
// Payload is the one its envelope gave (decoded when true), so that a
// line need not be decoded again to find it.
func messageInRaw(e *model.Entry, decoded bool) bool {
	raw := e.Raw
	switch {
	case e.IsMark() || bytes.IndexByte(raw, '\n') >= 0:
		return false
	case plain(raw) && e.Origin.Envelope != envelope.JournalJSON.String():
		return true
	}
	p := e.Payload
	if !decoded {
		r := newPayloadReader()
		p = r.payload(e)
		defer r.release()
	}
	return within(p, raw) && plain(p)
}

// plain reports whether b holds no backslash and no ESC.
func plain(b []byte) bool { return bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, 0x1b) < 0 }

// within reports whether p is a slice of b's bytes.
func within(p, b []byte) bool {
	if len(p) == 0 || len(b) == 0 {
		return len(p) == 0
	}
	bs, ps := uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(unsafe.Pointer(unsafe.SliceData(p)))
	return ps >= bs && ps+uintptr(len(p)) <= bs+uintptr(len(b))
}
