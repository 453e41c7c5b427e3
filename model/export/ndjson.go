package export

import (
	"bufio"
	"encoding/base64"
	"strconv"
	"time"
	"unicode/utf8"

	"connlog/model"
)

// ndjsonWriter writes one JSON object per entry, keys in a fixed order (see
// the package documentation).
type ndjsonWriter struct {
	w     *bufio.Writer
	names sourceNames
	pairs model.PairFinder
	tree  fieldTree
	buf   []byte
	opts  *Options // for the numbers Seqs are written as
}

func newNDJSONWriter(w *bufio.Writer, opts Options) *ndjsonWriter {
	return &ndjsonWriter{w: w, names: newSourceNames(opts.Sources), pairs: opts.Pairs, opts: &opts}
}

func (n *ndjsonWriter) write(e *model.Entry) (bool, error) {
	n.buf = n.appendEntry(n.buf[:0], e)
	n.buf = append(n.buf, '\n')
	if _, err := n.w.Write(n.buf); err != nil {
		return true, writeError("write ndjson", err)
	}
	return true, nil
}

func (n *ndjsonWriter) appendEntry(dst []byte, e *model.Entry) []byte {
	dst = append(dst, `{"seq":`...)
	dst = strconv.AppendInt(dst, n.opts.number(e.Seq), 10)
	if e.Item > 0 {
		dst = append(dst, `,"item":`...)
		dst = strconv.AppendInt(dst, int64(e.Item), 10)
	}
	dst = append(dst, `,"time":`...)
	dst = appendJSONTime(dst, e.Time)
	dst = append(dst, `,"level":`...)
	dst = AppendJSONString(dst, e.Level.String())
	dst = append(dst, `,"kind":`...)
	dst = AppendJSONString(dst, e.Kind.String())
	dst = append(dst, `,"source":`...)
	dst = n.appendSource(dst, e)
	dst = append(dst, `,"fields":`...)
	dst = n.tree.appendObject(dst, e.Fields)
	if n.pairs != nil {
		if p, ok := n.pairs.PairOf(e); ok {
			dst = append(dst, `,"pair":`...)
			dst = appendPair(dst, p, n.opts.number)
		}
	}
	dst = append(dst, `,"flags":`...)
	dst = appendFlags(dst, e.Flags)
	if p := e.Problem(); p != "" {
		dst = append(dst, `,"error":`...)
		dst = AppendJSONString(dst, p)
	}
	dst = appendRaw(dst, e.Raw)
	return append(dst, '}')
}

func (n *ndjsonWriter) appendSource(dst []byte, e *model.Entry) []byte {
	o := &e.Origin
	host, unit, cursor := o.Host, o.Unit, ""
	if j := o.Journal; j != nil {
		host, unit, cursor = firstOf(host, j.Hostname), firstOf(unit, j.Unit), j.Cursor
	}
	dst = append(dst, `{"name":`...)
	dst = AppendJSONString(dst, n.names.name(e.Source))
	dst = append(dst, `,"host":`...)
	dst = AppendJSONString(dst, host)
	dst = append(dst, `,"unit":`...)
	dst = AppendJSONString(dst, unit)
	dst = append(dst, `,"ident":`...)
	dst = AppendJSONString(dst, o.Ident)
	dst = append(dst, `,"envelope":`...)
	dst = AppendJSONString(dst, o.Envelope)
	dst = append(dst, `,"offset":`...)
	if o.Offset >= 0 {
		dst = strconv.AppendInt(dst, o.Offset, 10)
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, `,"cursor":`...)
	if cursor != "" {
		dst = AppendJSONString(dst, cursor)
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, `,"received":`...)
	dst = appendJSONTime(dst, o.Received)
	return append(dst, '}')
}

// appendJSONTime writes RFC 3339 with nanoseconds in UTC, or null.
func appendJSONTime(dst []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	dst = t.UTC().AppendFormat(dst, time.RFC3339Nano)
	return append(dst, '"')
}

func appendPair(dst []byte, p model.Pair, number func(int64) int64) []byte {
	dst = append(dst, `{"id":`...)
	dst = AppendJSONString(dst, p.ID)
	dst = append(dst, `,"partner":`...)
	if p.Partner != 0 {
		dst = strconv.AppendInt(dst, number(p.Partner), 10)
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, `,"partner_time":`...)
	dst = appendJSONTime(dst, p.PartnerTime)
	dst = append(dst, `,"partner_event":`...)
	dst = AppendJSONString(dst, p.PartnerEvent)
	dst = append(dst, `,"open":`...)
	dst = strconv.AppendBool(dst, p.Open)
	dst = append(dst, `,"ended":`...)
	dst = strconv.AppendBool(dst, p.Ended)
	return append(dst, '}')
}

func appendFlags(dst []byte, f model.Flags) []byte {
	dst = append(dst, `{"time_inferred":`...)
	dst = strconv.AppendBool(dst, f.Has(model.FlagTimeInferred))
	dst = append(dst, `,"parse_error":`...)
	dst = strconv.AppendBool(dst, f.Has(model.FlagParseError))
	dst = append(dst, `,"truncated":`...)
	dst = strconv.AppendBool(dst, f.Has(model.FlagTruncated))
	dst = append(dst, `,"partial":`...)
	dst = strconv.AppendBool(dst, f.Has(model.FlagPartial))
	// The last line of an input that ended without a newline: read back,
	// its raw export ends as the input did.
	dst = append(dst, `,"no_newline":`...)
	dst = strconv.AppendBool(dst, f.Has(model.FlagNoNewline))
	return append(dst, '}')
}

// appendRaw writes "raw" as a string when the bytes are valid UTF-8, and the
// exact bytes in base64 otherwise, so that nothing is lost or replaced.
func appendRaw(dst []byte, raw []byte) []byte {
	if utf8.Valid(raw) {
		dst = append(dst, `,"raw":`...)
		return AppendJSONString(dst, bytesView(raw))
	}
	dst = append(dst, `,"raw_base64":"`...)
	dst = base64.StdEncoding.AppendEncode(dst, raw)
	return append(dst, `","raw_encoding":"base64"`...)
}

func (n *ndjsonWriter) close() error {
	if err := n.w.Flush(); err != nil {
		return writeError("write ndjson", err)
	}
	return nil
}

func (n *ndjsonWriter) abort() {}

// addSources implements sourceAdder.
func (n *ndjsonWriter) addSources(infos []SourceInfo) { n.names.add(infos) }
