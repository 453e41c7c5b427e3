package decode

import (
	"bytes"
	"fmt"

	"connlog/model"
	"connlog/model/envelope"
	"connlog/model/payload"
)

// A record of connlog's own ndjson export (envelope.ConnlogNDJSON) stands
// for the entry it describes: its raw line is decoded again as the sender
// decoded it, so that the entry reads as the sender's did (kind, fields,
// envelope, search, a raw export of the exact bytes), and the record gives
// what the line alone does not say, on this host or any other: the time the
// sender saw (a time written without a zone was placed in the sender's
// zone, a time inferred from the lines before), the level (journald's
// PRIORITY), the host, unit, identifier and cursor, the receive time. Such
// an entry is one entry, whatever its line holds (the newlines of a line
// joined from pieces), and its bytes are not the file's: it has no offset.

// unwrapExported decodes the raw line of an exported record with the
// envelope the sender named, else the one Detect names, else as a bare
// line, and adds what the record says that the line does not.
func (d *lineDecoder) unwrapExported(x *envelope.Exported) (envelope.Kind, envelope.Envelope, []byte) {
	k, env, p := d.exportedLine(x)
	env.Exported = x
	if env.Host == "" {
		env.Host = x.Host
	}
	if env.Ident == "" {
		env.Ident = x.Ident
	}
	if env.Journal == nil && (x.Unit != "" || x.Cursor != "") {
		env.Journal = &model.JournalFields{Cursor: x.Cursor, Hostname: x.Host, Unit: x.Unit, Identifier: x.Ident, Priority: -1}
	}
	return k, env, p
}

// exportedLine removes the envelope of an exported record's raw line.
func (d *lineDecoder) exportedLine(x *envelope.Exported) (k envelope.Kind, env envelope.Envelope, p []byte) {
	if k, ok := envelope.ParseKind(x.Envelope); ok && k != envelope.ConnlogNDJSON {
		if p, ok := d.try(&env, k, x.Raw, false); ok {
			return k, env, p
		}
	}
	first, _, _ := bytes.Cut(x.Raw, []byte("\n"))
	if k := envelope.Detect(first); k != envelope.Bare && k != envelope.ConnlogNDJSON {
		if p, ok := d.try(&env, k, x.Raw, false); ok {
			return k, env, p
		}
	}
	p, _ = d.try(&env, envelope.Bare, x.Raw, false)
	return envelope.Bare, env, p
}

// decodeExported turns a line read from an exported record into its one
// entry, or the gap or boundary it records, after whatever the decoder
// held: the record is a whole entry, joined already if it was joined.
func (d *Decoder) decodeExported(l *logical, out []model.Entry) []model.Entry {
	out = d.Flush(out)
	x := l.env.Exported
	if x.Mark != model.MarkLine {
		return append(out, d.exportedMark(x))
	}
	n := len(out)
	out = d.build(out, l)
	for i := n; i < len(out); i++ {
		d.keepTime(&out[i])
	}
	return out
}

// keepTime remembers the time of an entry that came with its time (an
// exported record's), for the lines without one that follow it.
func (d *Decoder) keepTime(e *model.Entry) {
	d.times.remember(keyOf(e), e.Time)
	d.last, d.haveLast, d.lastHeld = e.Time, true, false
}

// exportedMark is the gap or boundary entry an exported record describes,
// at the time the record gives it.
func (d *Decoder) exportedMark(x *envelope.Exported) model.Entry {
	rec := model.Record{Mark: x.Mark, Note: x.Note, Count: x.Count, Received: x.Received}
	e := d.markEntry(&rec)
	if !x.Time.IsZero() {
		e.Time, e.Flags = x.Time, x.Flags&model.FlagTimeInferred
	}
	e.Origin.Host, e.Origin.Unit, e.Origin.Ident = x.Host, x.Unit, x.Ident
	return e
}

// exportedItem narrows the results of an exported record's line to the
// one entry the record describes (a flow message's traffic item), and
// returns the index of the first result kept. An item the line no longer
// yields is its text, with the reason.
func exportedItem(x *envelope.Exported, results []payload.Result, p []byte) ([]payload.Result, int) {
	if x == nil {
		return results, 0
	}
	if x.Item < 0 || x.Item >= len(results) {
		results[0] = missingItem(p, x.Item, len(results))
		return results[:1], x.Item
	}
	return results[x.Item : x.Item+1], x.Item
}

// missingItem is the entry of a line's item that parsing the line again
// did not find.
func missingItem(p []byte, item, n int) payload.Result {
	return payload.Result{Kind: model.KindText, Fields: model.Fields{model.Str(model.KeyMessage, string(p))},
		Err: fmt.Sprintf("item %d not found when the line was parsed again (it has %d)", item, n)}
}
