package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"connlog/model"
)

// maxGroupEntries bounds how many entries of one record are held before
// they are redacted and written. A record's raw line is redacted with the
// personal data of all its entries (a Pangolin response names several
// users), so the entries wait until the record ends; past this many, a
// pathological record is written in parts.
const maxGroupEntries = 4096

// recordGroup holds copies of the entries of the current record until the
// record ends, then redacts and emits them.
type recordGroup struct {
	r       *Redactor
	entries []model.Entry
	raw     []byte // the record's bytes, shared by its entries' copies
	set     secretSet
	words   *wordAddrs  // a bundle's query's addresses, nil unless it has some
	terms   *queryTerms // a bundle's query's terms kept as typed, nil unless it has some
	orig    model.Entry // an entry as read, while terms compares it with its redacted form
	origJ   model.JournalFields
	origF   []model.Field
}

// add takes a copy of e; emit receives the entries of a finished record.
func (g *recordGroup) add(e *model.Entry, emit func(*model.Entry) error) error {
	if len(g.entries) > 0 && (!g.continues(e) || len(g.entries) >= maxGroupEntries) {
		if err := g.flush(emit); err != nil {
			return err
		}
	}
	if len(g.entries) == 0 {
		g.raw = append(g.raw[:0], e.Raw...)
	}
	c := *e
	c.Fields = slices.Clone(e.Fields)
	c.Raw = g.raw
	c.Payload = sharedOrCopy(g.raw, e.Payload)
	if e.Origin.Journal != nil {
		jf := *e.Origin.Journal
		c.Origin.Journal = &jf
	}
	g.entries = append(g.entries, c)
	return nil
}

func (g *recordGroup) continues(e *model.Entry) bool { return e.SameRecord(&g.entries[0]) }

// sharedOrCopy returns p as a slice of raw when raw contains it (the payload
// usually is part of the line), so that many entries of one record do not
// each copy it.
func sharedOrCopy(raw, p []byte) []byte {
	if len(p) == 0 {
		return nil
	}
	if i := bytes.Index(raw, p); i >= 0 {
		return raw[i : i+len(p) : i+len(p)]
	}
	return bytes.Clone(p)
}

// flush redacts the held entries with everything the record revealed and
// emits them in order.
func (g *recordGroup) flush(emit func(*model.Entry) error) error {
	if len(g.entries) == 0 {
		return nil
	}
	g.set.reset()
	for i := range g.entries {
		g.set.learn(g.r, &g.entries[i])
		g.set.learnHost(g.r, &g.entries[i].Origin)
	}
	g.set.sort()
	// Learned as records pass too: without a first pass (see Learn), the
	// records after this one lose its values all the same (an audit event's
	// EXECVE, CWD and PATH records the name its SYSCALL record gave).
	if err := g.r.known.add(g.set.items); err != nil {
		return err
	}
	red := g.redactRaw()
	if g.words != nil {
		g.words.observe(string(g.raw), red)
	}
	raw := []byte(red)
	for i := range g.entries {
		e := &g.entries[i]
		if g.terms != nil {
			g.keepOrig(e)
		}
		e.Raw = raw
		e.Payload = []byte(redactEncoded(string(e.Payload), g.text))
		e.Err = redactEncoded(e.Err, g.text)
		redactFields(g.r, e, &g.set)
		redactHost(g.r, &e.Origin)
		if g.terms != nil {
			g.terms.observe(&g.orig, e, &g.set)
		}
		if err := emit(e); err != nil {
			return err
		}
	}
	clear(g.entries)
	g.entries = g.entries[:0]
	return nil
}

// redactRaw returns the record's line redacted with what the record
// revealed: its text, and each value a JSON document in it encodes (a
// journal JSON line's, a payload's).
func (g *recordGroup) redactRaw() string {
	plain := func(s string) string { return g.text(redactRawHex(g.r, s, g.entries, &g.set)) }
	if g.entries[0].Origin.Envelope == journalJSON && !json.Valid(g.raw) {
		if red, ok := redactJournalFields(g.raw, plain); ok {
			return red
		}
	}
	return redactEncoded(string(g.raw), plain)
}

// text redacts s with what the record revealed.
func (g *recordGroup) text(s string) string { return redactText(g.r, s, &g.set) }

// keepOrig copies e as read into g.orig, which redaction does not change.
func (g *recordGroup) keepOrig(e *model.Entry) {
	g.orig = *e
	g.origF = append(g.origF[:0], e.Fields...)
	g.orig.Fields = g.origF
	if e.Origin.Journal != nil {
		g.origJ = *e.Origin.Journal
		g.orig.Origin.Journal = &g.origJ
	}
}

// redactFields replaces personal data in e's own copy of its fields: a
// user or device id field becomes its pseudonym whole, other text has the
// record's values and any email replaced, and numbers stay (an id that is
// also a byte count must not rewrite the count).
func redactFields(r *Redactor, e *model.Entry, set *secretSet) {
	for i := range e.Fields {
		f := &e.Fields[i]
		if f.Value == "" {
			continue
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
		case !f.IsNum:
			if h, ok := redactAuditHex(r, e, f.Value, set); ok {
				f.Value = h
				continue
			}
			f.Value = redactFieldText(r, e, f, set)
		}
	}
}

// redactFieldText redacts the text of field f of e. A service line's
// message follows its function, which may be the key of an id the message
// opens with ([connector] user_id: 113933 is the function user_id and the
// message 113933): the message is redacted after it, as the line is.
func redactFieldText(r *Redactor, e *model.Entry, f *model.Field, set *secretSet) string {
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
