package decode

import (
	"bytes"

	"connlog/model/envelope"
)

// payloadOf decodes raw as envelope k and returns the envelope of its first
// line and the payload. It is shared by the Decoder and Reparse, so that an
// entry rebuilt from its raw bytes gets the payload it was first given.
//
// Raw bytes hold a newline only when the Decoder joined records (the pieces
// of a split line, the lines of a JSON document) or when a journald message
// spans lines. When every line fits k, each is decoded and the payloads are
// joined: directly after a partial piece, with a newline otherwise. When one
// does not fit, the whole raw is decoded as one line. Payload bytes that
// cannot alias raw are appended to buf.
//
// A line of a file written with CRLF line ends keeps its CR in its raw
// bytes, but the CR ends the line as the newline does: each line is
// decoded without it, so that no field of any kind holds it. A bare raw
// of several lines is decoded line by line when one of them ends so, as
// the Decoder decodes the lines it joins.
func payloadOf(k envelope.Kind, raw []byte, c envelope.Context, buf []byte) (envelope.Envelope, []byte, []byte, bool) {
	var env envelope.Envelope
	p, buf, ok := payloadOfLines(&env, k, raw, manyLines(k, raw), c, buf)
	return env, p, buf, ok
}

// manyLines reports whether raw is decoded line by line (see payloadOf).
func manyLines(k envelope.Kind, raw []byte) bool {
	nl := bytes.IndexByte(raw, '\n')
	return nl >= 0 && (k != envelope.Bare || bytes.Contains(raw[max(nl-1, 0):], crlf))
}

var crlf = []byte("\r\n")

// withoutCR returns line without the CR of a CRLF line end.
func withoutCR(line []byte) []byte {
	if n := len(line); n > 0 && line[n-1] == '\r' {
		return line[:n-1]
	}
	return line
}

// payloadOfLines is payloadOf for a caller that already knows whether raw
// is decoded line by line (multi, see manyLines), so that a line is
// searched only once, and that keeps the envelope in *env (see
// envelope.DecodeInto).
func payloadOfLines(env *envelope.Envelope, k envelope.Kind, raw []byte, multi bool, c envelope.Context, buf []byte) ([]byte, []byte, bool) {
	if !multi {
		buf, ok := envelope.DecodeInto(env, k, withoutCR(raw), c, buf)
		return env.Payload, buf, ok
	}
	first, payload, ok := joinPieces(k, raw, c, buf[len(buf):])
	if !ok {
		buf, ok := envelope.DecodeInto(env, k, withoutCR(raw), c, buf)
		return env.Payload, buf, ok
	}
	*env = first
	start := len(buf)
	buf = append(buf, payload...)
	return buf[start:len(buf):len(buf)], buf, true
}

// joinPieces decodes every line of raw as k and joins the payloads into
// scratch (which may grow). first is the first line's envelope, with Partial
// taken from the last line.
func joinPieces(k envelope.Kind, raw []byte, c envelope.Context, scratch []byte) (first envelope.Envelope, joined []byte, ok bool) {
	var tmp []byte
	joined = scratch[:0]
	prevPartial := false
	for i := 0; ; i++ {
		line := raw
		nl := bytes.IndexByte(raw, '\n')
		if nl >= 0 {
			line, raw = raw[:nl], raw[nl+1:]
		}
		env, t, ok := envelope.DecodeAppend(k, withoutCR(line), c, tmp[:0])
		if !ok {
			return envelope.Envelope{}, nil, false
		}
		tmp = t
		if i == 0 {
			first = env
		} else if !prevPartial {
			joined = append(joined, '\n')
		}
		joined = append(joined, env.Payload...)
		prevPartial = env.Partial
		if nl < 0 {
			first.Partial = env.Partial
			return first, joined, true
		}
	}
}
