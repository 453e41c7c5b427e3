package envelope

import (
	"bytes"
	"encoding/base64"
	"time"

	"connlog/model"
)

// Exported is what a line of connlog's own ndjson export says of the entry
// it holds beyond its raw line: what the sender saw, which the raw line
// read again on another host need not say (a time placed in the sender's
// zone, a level from journald's PRIORITY, the journal's unit and cursor).
type Exported struct {
	// Raw is the entry's line exactly: "raw", or "raw_base64" decoded. It
	// aliases the ndjson line, or the buffer given to DecodeAppend.
	Raw []byte
	// Envelope is the name of the envelope the sender read Raw with.
	Envelope string
	// Time is the entry's time, Received its receive time; zero when null.
	Time, Received time.Time
	Level          model.Level
	// Flags are those of the sender's flags that Raw does not say again:
	// an inferred time, a line cut or flushed without its newline, the
	// last line of an input that ended without one.
	Flags                     model.Flags
	Host, Unit, Ident, Cursor string
	// Item is the entry's index among the entries of its line.
	Item int
	// Mark is MarkGap or MarkBoundary for a gap or boundary record (kind
	// gap or boundary, no raw line), with the note and count of its fields.
	Mark  model.Mark
	Note  string
	Count int64
}

// exportedKeys are the keys connlog's ndjson export writes, and no others:
// a JSON line with any other key is some program's own log.
var exportedKeys = []string{"seq", "item", "time", "level", "kind", "source", "fields", "pair", "flags", "error", "raw", "raw_base64", "raw_encoding"}

// exportedSourceKeys are the keys of an exported record's "source" object.
var exportedSourceKeys = []string{"name", "host", "unit", "ident", "envelope", "offset", "cursor", "received"}

// mayBeExported is Detect's cheap test: the first key is one of the
// export's. connlog writes "seq" first, but a record passed through another
// tool may have its keys in any order (`jq -S` puts "error", "fields" or
// "flags" first).
func mayBeExported(line []byte) bool {
	it, ok := newObjIter(line)
	if !ok {
		return false
	}
	key, _, ok := it.next()
	return ok && oneOf(key, exportedKeys)
}

// looksExported reports whether line is a record of connlog's ndjson
// export: only its keys, in any order, each of "seq", "time", "kind",
// "source" (an object of its own keys) and "flags", and one of "raw" and
// "raw_base64".
// A program's JSON log that happens to have a "time" or "raw" key is not.
func looksExported(line []byte) bool {
	_, ok := scanExported(line)
	return ok
}

// exportedParts are the value offsets of an exported record's members.
type exportedParts struct {
	seq, item, time, level, kind, source, fields, flags, raw, raw64 int
}

// scanExported checks the shape of an exported record and finds its
// values (offsets into line, -1 when absent) without reading them.
func scanExported(line []byte) (exportedParts, bool) {
	p := exportedParts{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
	it, ok := newObjIter(line)
	if !ok {
		return p, false
	}
	for {
		key, val, ok := it.next()
		if !ok {
			break
		}
		slot := p.slot(key)
		if slot == nil && !oneOf(key, exportedKeys) || slot != nil && *slot >= 0 {
			return p, false // another program's key, or a key twice
		}
		if slot != nil {
			*slot = val
		}
		if !it.skip(val) {
			return p, false
		}
	}
	if !it.done() || !p.complete(line) {
		return p, false
	}
	return p, true
}

// slot returns where the value offset of key is kept, nil for the keys
// that are only allowed.
func (p *exportedParts) slot(key []byte) *int {
	switch string(key) {
	case "seq":
		return &p.seq
	case "item":
		return &p.item
	case "time":
		return &p.time
	case "level":
		return &p.level
	case "kind":
		return &p.kind
	case "source":
		return &p.source
	case "fields":
		return &p.fields
	case "flags":
		return &p.flags
	case "raw":
		return &p.raw
	case "raw_base64":
		return &p.raw64
	}
	return nil
}

// complete reports whether the members every record has are there, of
// their types.
func (p *exportedParts) complete(line []byte) bool {
	if p.seq < 0 || p.time < 0 || p.kind < 0 || p.source < 0 || p.flags < 0 || (p.raw >= 0) == (p.raw64 >= 0) {
		return false
	}
	number := isDigit(line[p.seq]) || line[p.seq] == '-' // entries prepended count down from -1
	return number && line[p.kind] == '"' && line[p.flags] == '{' &&
		(p.raw < 0 || line[p.raw] == '"') && (p.raw64 < 0 || isBase64(line, p.raw64)) &&
		exportedSource(line, p.source)
}

// isBase64 reports whether the string at line[val] is standard base64
// without escapes, as the export writes raw_base64. Only the rare line
// that is not valid UTF-8 is written so, and pays for the decoding.
func isBase64(line []byte, val int) bool {
	s, _, ok := scanString(line, val)
	if !ok || s.escapes {
		return false
	}
	_, err := base64.StdEncoding.DecodeString(string(line[s.start:s.end]))
	return err == nil
}

// exportedSource reports whether the object at line[val] has only the keys
// of an exported record's source.
func exportedSource(line []byte, val int) bool {
	own := true
	whole := eachMember(line, val, func(_, key []byte, _ int) {
		own = own && oneOf(key, exportedSourceKeys)
	})
	return whole && own
}

// eachMember calls fn with each member of the object at line[val]: the
// object's bytes, which v indexes, the key and the value's offset. It
// reports whether the object was well-formed to its end.
func eachMember(line []byte, val int, fn func(obj, key []byte, v int)) bool {
	end, ok := skipValue(line, val)
	if !ok || line[val] != '{' {
		return false
	}
	obj := line[val:end]
	it, _ := newObjIter(obj)
	for {
		key, v, ok := it.next()
		if !ok {
			return it.done()
		}
		fn(obj, key, v)
		if !it.skip(v) {
			return false
		}
	}
}

// oneOf reports whether key is one of names.
func oneOf(key []byte, names []string) bool {
	for _, n := range names {
		if string(key) == n {
			return true
		}
	}
	return false
}

// decodeExported reads one record of connlog's ndjson export. The payload
// is its raw line, which the caller decodes again with the envelope the
// sender named (Exported.Envelope): what that line's envelope says is
// decoded as it was, and the record adds what the line does not say.
func decodeExported(line []byte, c Context, buf []byte) (Envelope, []byte, bool) {
	p, ok := scanExported(line)
	if !ok {
		return Envelope{}, buf, false
	}
	x := &Exported{Level: model.LevelNone}
	x.Raw, buf, ok = exportedRaw(line, &p, buf)
	if !ok {
		return Envelope{}, buf, false
	}
	x.Time = exportedTime(line, p.time)
	if p.level >= 0 {
		x.Level, _ = model.ParseLevel(string(journalValue(line, p.level)))
	}
	if p.item >= 0 {
		x.Item, _ = atoi(journalValue(line, p.item))
	}
	exportedSourceFields(x, line, p.source, c)
	x.Flags = exportedFlags(line, p.flags)
	exportedMark(x, line, &p)
	return Envelope{Payload: x.Raw, Time: x.Time, Host: x.Host, Ident: x.Ident, Exported: x}, buf, true
}

// exportedRaw returns the record's raw line: the "raw" string, aliasing
// line when it has no escapes and appended to buf otherwise, or the bytes
// of "raw_base64" appended to buf.
func exportedRaw(line []byte, p *exportedParts, buf []byte) ([]byte, []byte, bool) {
	if p.raw >= 0 {
		s, _, ok := scanString(line, p.raw)
		if !ok {
			return nil, buf, false
		}
		if !s.escapes {
			return line[s.start:s.end], buf, true
		}
		start := len(buf)
		buf = appendUnescaped(buf, line[s.start:s.end])
		return buf[start:len(buf):len(buf)], buf, true
	}
	s, _, _ := scanString(line, p.raw64) // checked by scanExported
	start := len(buf)
	buf, err := base64.StdEncoding.AppendDecode(buf, line[s.start:s.end])
	if err != nil {
		return nil, buf[:start], false
	}
	return buf[start:len(buf):len(buf)], buf, true
}

// exportedTime reads an RFC 3339 string at line[val]; null is zero.
func exportedTime(line []byte, val int) time.Time {
	s, _, ok := scanString(line, val)
	if !ok {
		return time.Time{}
	}
	st, ok := parseRFC3339(line[s.start:s.end], time.UTC)
	if !ok || st.n != s.end-s.start {
		return time.Time{}
	}
	return st.t
}

// exportedSourceFields reads the record's source: where the sender's
// entry came from, apart from its name and offset, which describe the
// sender's input.
func exportedSourceFields(x *Exported, line []byte, val int, c Context) {
	eachMember(line, val, func(obj, key []byte, v int) {
		switch string(key) {
		case "host":
			x.Host = c.str(journalValue(obj, v))
		case "unit":
			x.Unit = c.str(journalValue(obj, v))
		case "ident":
			x.Ident = c.str(journalValue(obj, v))
		case "envelope":
			x.Envelope = c.str(journalValue(obj, v))
		case "cursor":
			x.Cursor = string(journalValue(obj, v))
		case "received":
			x.Received = exportedTime(obj, v)
		}
	})
}

// exportedFlags reads the flags the raw line does not say again.
func exportedFlags(line []byte, val int) model.Flags {
	var f model.Flags
	eachMember(line, val, func(obj, key []byte, v int) {
		if !bytes.HasPrefix(obj[v:], []byte("true")) {
			return
		}
		switch string(key) {
		case "time_inferred":
			f |= model.FlagTimeInferred
		case "truncated":
			f |= model.FlagTruncated
		case "partial":
			f |= model.FlagPartial
		case "no_newline":
			f |= model.FlagNoNewline
		}
	})
	return f
}

// exportedMark reads a gap or boundary record: one of those kinds without
// a raw line, whose fields say why ("gap":{"reason","count"}, "boundary").
func exportedMark(x *Exported, line []byte, p *exportedParts) {
	if len(x.Raw) > 0 || p.fields < 0 {
		return
	}
	switch string(journalValue(line, p.kind)) {
	case model.KindGap.String():
		x.Mark = model.MarkGap
	case model.KindBoundary.String():
		x.Mark = model.MarkBoundary
	default:
		return
	}
	eachMember(line, p.fields, func(obj, key []byte, v int) {
		switch string(key) {
		case "boundary":
			x.Note = string(journalValue(obj, v))
		case "gap":
			exportedGap(x, obj, v)
		}
	})
}

// exportedGap reads a gap's reason and count from its "gap" object.
func exportedGap(x *Exported, obj []byte, val int) {
	eachMember(obj, val, func(gap, key []byte, v int) {
		switch string(key) {
		case "reason":
			x.Note = string(journalValue(gap, v))
		case "count":
			n, _ := atoi(journalValue(gap, v))
			x.Count = int64(n)
		}
	})
}

// LineFlags are the flags of the sender's entry that its line keeps when
// read again: cut at the maximum length, flushed without its newline, or
// the last line of an input that had none, which a raw export of the line
// read again leaves without one too. A nil record has none.
func (x *Exported) LineFlags() model.Flags {
	if x == nil {
		return 0
	}
	return x.Flags & (model.FlagTruncated | model.FlagPartial | model.FlagNoNewline)
}
