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
func payloadOf(k envelope.Kind, raw []byte, c envelope.Context, buf []byte) (envelope.Envelope, []byte, []byte, bool) {
	return payloadOfLines(k, raw, k != envelope.Bare && bytes.IndexByte(raw, '\n') >= 0, c, buf)
}

// payloadOfLines is payloadOf for a caller that already knows whether raw
// holds a newline (multi), so that a line is searched only once.
func payloadOfLines(k envelope.Kind, raw []byte, multi bool, c envelope.Context, buf []byte) (envelope.Envelope, []byte, []byte, bool) {
	if k == envelope.Bare || !multi {
		env, buf, ok := envelope.DecodeAppend(k, raw, c, buf)
		return env, env.Payload, buf, ok
	}
	first, payload, ok := joinPieces(k, raw, c, buf[len(buf):])
	if !ok {
		env, buf, ok := envelope.DecodeAppend(k, raw, c, buf)
		return env, env.Payload, buf, ok
	}
	start := len(buf)
	buf = append(buf, payload...)
	return first, buf[start:len(buf):len(buf)], buf, true
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
		env, t, ok := envelope.DecodeAppend(k, line, c, tmp[:0])
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
