package export

import (
	"bytes"
	"encoding/json"
	"strings"

	"connlog/model"
)

// heldRecord is one record's entries, copied as they were written, and
// what its turn decided: the personal data the record reveals and the
// redactor as it stood then. From these alone its redaction follows, so
// that records can be redacted on several goroutines at once.
type heldRecord struct {
	entries []model.Entry
	raw     []byte // the record's bytes, shared by its entries' copies
	set     secretSet
	r       Redactor
	red     string        // the record's line, redacted
	docs    []redactedDoc // the JSON documents of the line, redacted as its payloads are
	origs   []model.Entry // the entries as read, while a bundle's query terms compare them
	pairs   []pairAnswer  // the entries' pairs at the record's turn, when a pairMemo asks
}

// redact replaces the personal data of the held entries with what the
// record revealed and what the redactor knew; with keepOrigs, a copy of
// each entry as read is kept in origs.
func (h *heldRecord) redact(keepOrigs bool) {
	h.r.known.holdRead()
	defer h.r.known.releaseRead()
	h.red = h.redactRaw()
	raw := []byte(h.red)
	for i := range h.entries {
		e := &h.entries[i]
		if keepOrigs {
			h.keepOrig(i)
		}
		// The fields first: a field is redacted as its line quotes it,
		// which the payload as read says (see quotedWhole).
		redactFields(&h.r, e, &h.set)
		e.Raw = raw
		e.Payload = []byte(h.redactPayload(string(e.Payload)))
		e.Err = redactEncoded(e.Err, h.text)
		redactHost(&h.r, &e.Origin)
	}
}

// redactRaw returns the record's line redacted with what the record
// revealed: its text, and each value a JSON document in it encodes (a
// journal JSON line's, a payload's).
func (h *heldRecord) redactRaw() string {
	h.docs = h.docs[:0]
	if !h.hasAudit() {
		// Its documents are redacted as a payload is (by text alone, as
		// redactRawHex changes nothing then), which a payload that is one
		// of them is spared (see redactPayload).
		return h.redactLine(h.text, &h.docs)
	}
	return h.redactLine(func(s string) string { return h.text(redactRawHex(&h.r, s, h.entries, &h.set)) }, nil)
}

// redactLine redacts the record's line with plain, noting its JSON
// documents in docs unless nil.
func (h *heldRecord) redactLine(plain textRedactor, docs *[]redactedDoc) string {
	if h.entries[0].Origin.Envelope == journalJSON && !json.Valid(h.raw) {
		if red, ok := redactJournalFields(h.raw, plain); ok {
			return red
		}
	}
	return redactNested(string(h.raw), plain, 0, docs)
}

// hasAudit reports whether an entry of the record is a Linux audit
// record, whose hex values the line's redaction reads (redactRawHex).
func (h *heldRecord) hasAudit() bool {
	for i := range h.entries {
		if h.entries[i].Kind == model.KindAudit {
			return true
		}
	}
	return false
}

// redactPayload returns redactEncoded(p, h.text). A payload most often
// holds a JSON document of the line (an event's), whose redaction
// redactRaw noted. redactEncoded redacts a document at each '{' with
// redactJSONDoc, which reads no byte past the document's closing brace:
// where p holds at such a '{' the bytes of a noted document, redactJSONDoc
// would find that document again, and write the same.
func (h *heldRecord) redactPayload(p string) string {
	if len(h.docs) == 0 {
		return redactEncoded(p, h.text)
	}
	return redactNoted(p, h.text, h.docs)
}

// redactNoted is redactEncoded(s, plain) that takes the redaction of each
// document of docs it meets from docs.
func redactNoted(s string, plain textRedactor, docs []redactedDoc) string {
	open := strings.IndexByte(s, '{')
	if open < 0 {
		return plain(s)
	}
	for _, d := range docs {
		if rest := s[open:]; strings.HasPrefix(rest, d.doc) {
			return plain(s[:open]) + d.red + redactNoted(rest[len(d.doc):], plain, docs)
		}
	}
	return redactEncoded(s, plain)
}

// text redacts s with what the record revealed.
func (h *heldRecord) text(s string) string { return redactText(&h.r, s, &h.set) }

// keepOrig copies entry i as read into origs[i], which redaction does not
// change.
func (h *heldRecord) keepOrig(i int) {
	e := &h.entries[i]
	if len(h.origs) <= i {
		h.origs = append(h.origs, make([]model.Entry, i+1-len(h.origs))...)
	}
	o := &h.origs[i]
	fields := o.Fields
	*o = *e
	o.Fields = append(fields[:0], e.Fields...)
	if e.Origin.Journal != nil {
		jf := *e.Origin.Journal
		o.Origin.Journal = &jf
	}
}

// release drops the entries, keeping the room they took for the next record.
func (h *heldRecord) release() {
	clear(h.entries)
	h.entries = h.entries[:0]
	for i := range h.origs {
		h.origs[i] = model.Entry{Fields: h.origs[i].Fields[:0]}
	}
	h.pairs = h.pairs[:0]
	clear(h.docs)
	h.docs = h.docs[:0]
	h.red = ""
}

// redactFields replaces personal data in e's own copy of its fields: a
// user or device id field becomes its pseudonym whole, other text has the
// record's values and any email replaced, and numbers stay (an id that is
// also a byte count must not rewrite the count).
func redactFields(r *Redactor, e *model.Entry, set *secretSet) {
	for i := range e.Fields {
		redactField(r, e, &e.Fields[i], set)
	}
}

// redactField replaces personal data in f, a field of e (see redactFields).
func redactField(r *Redactor, e *model.Entry, f *model.Field, set *secretSet) {
	if f.Value == "" {
		return
	}
	c, ok := fieldClass(e.Kind, f)
	switch {
	case ok && (c == classUser || c == classDevice):
		if c == classUser && isEmail(f.Value) {
			c = classEmail
		}
		*f = model.Str(f.Key, r.pseudonym(c, fieldID(f)))
	case ok:
		*f = model.Str(f.Key, redactText(r, f.Value, set))
	case (f.IsNum || mayOpenNumber(f.Value[0])) && namesID(f.Key):
		redactIDKeyed(r, f, set)
	case f.IsNum:
		redactQuotedNumber(r, e, f, set)
	case !f.IsNum:
		if h, ok := redactAuditHex(r, e, f.Value, set); ok {
			f.Value = h
			return
		}
		f.Value = redactFieldText(r, e, f, set)
	}
}

// redactIDKeyed redacts field f, a number or text that opens as one,
// whose key names an id but is no field of personal data
// ({"actor":{"user":113256}}), as its line is redacted (see
// redactJSONText): a learned id it holds, a number too, becomes its
// pseudonym.
func redactIDKeyed(r *Redactor, f *model.Field, set *secretSet) {
	if !f.IsNum {
		f.Value = redactQuotedField(r, f, set)
		return
	}
	text := func(s string) string { return redactText(r, s, set) }
	if red := redactBareUnder(f.Key, f.Value, text); red != f.Value {
		*f = model.Str(f.Key, red)
	}
}

// redactQuotedField returns the text of field f, a string its line
// quotes, redacted as the quoted value in the line is (see
// redactQuotedUnder).
func redactQuotedField(r *Redactor, f *model.Field, set *secretSet) string {
	text := func(s string) string { return redactText(r, s, set) }
	return redactQuotedUnder(f.Key, f.Value, text, maxJSONNesting)
}

// quotedWhole reports whether f, a string field of e that may be a
// number, is a value e's line quotes whole: a string of a JSON document
// ({"owner":"113256"}, "tags":["113256"]) or a line's key="value"
// (logfmt's owner="113256"). It is redacted as the quoted value is, so
// that a long learned id it holds goes from the fields as from the line
// (see minQuotedIDDigits); a bare value (n=113256) keeps the rule of a
// bare number. e's payload is the one read, not yet redacted.
func quotedWhole(e *model.Entry, f *model.Field) bool {
	if f.IsNum || !mayOpenNumber(f.Value[0]) {
		return false
	}
	p := bytes.TrimLeft(e.Payload, " \t")
	if e.Kind == model.KindAnalytics || e.Kind == model.KindJSON || len(p) > 0 && p[0] == '{' {
		return true
	}
	return bytes.Contains(p, []byte(f.Key+`="`+f.Value+`"`))
}

// redactFieldText redacts the text of field f of e. A service line's
// message follows its function, which may be the key of an id the message
// opens with ([connector] user_id: 113933 is the function user_id and the
// message 113933): the message is redacted after it, as the line is. A
// value the line quotes whole is redacted as quoted (see quotedWhole).
func redactFieldText(r *Redactor, e *model.Entry, f *model.Field, set *secretSet) string {
	if quotedWhole(e, f) {
		return redactQuotedField(r, f, set)
	}
	if f.Key != model.KeyMessage {
		return redactText(r, f.Value, set)
	}
	if fn := e.Fields.Value(model.KeyFunction); namesID(fn) {
		written := fn + ": "
		if red, ok := strings.CutPrefix(redactText(r, written+f.Value, set), written); ok {
			return red
		}
	}
	return redactText(r, f.Value, set)
}
