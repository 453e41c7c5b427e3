package decode

import (
	"sync"
	"time"

	"connlog/model"
	"connlog/model/envelope"
)

// reparseContext is used by Reparse, which rebuilds payloads and fields
// only: times are kept from the first decoding, so the context's location
// and reference do not matter.
var reparseContext = envelope.Context{Location: time.UTC, Reference: time.Unix(0, 0)}

// Reparse rebuilds an entry's Payload, Fields and Err from e.Raw,
// e.Origin.Envelope and e.Item alone. The store keeps entries compact and
// calls it to show the detail pane or to export. Gap and boundary entries
// have no raw bytes and are left as they are.
func Reparse(e *model.Entry) {
	if e.Kind == model.KindGap || e.Kind == model.KindBoundary {
		return
	}
	r := newPayloadReader()
	payload := r.payload(e)
	r.release()
	results := parseSafely(payload, nil, nil, &e.Origin)
	e.Payload = payload
	if e.Item < 0 || e.Item >= len(results) {
		r := missingItem(payload, e.Item, len(results))
		e.Fields, e.Err = r.Fields, r.Err
		return
	}
	e.Fields, e.Err = results[e.Item].Fields, results[e.Item].Err
}

// Payloads sets each entry's Payload from e.Raw and e.Origin.Envelope, as
// Reparse does, but leaves its fields as they are: what a view that reads
// only the message text of its lines (their templates) needs, for a
// fraction of a re-parse.
func Payloads(es []*model.Entry) {
	r := newPayloadReader()
	defer r.release()
	for _, e := range es {
		if e.Kind != model.KindGap && e.Kind != model.KindBoundary {
			e.Payload = r.payload(e)
		}
	}
}

// payloadReader finds the payloads of re-read lines: one goroutine's,
// with a timestamp cache borrowed for its lines, and the envelope of the
// last line it read (a batch's lines mostly share theirs).
type payloadReader struct {
	c    envelope.Context
	name string
	kind envelope.Kind
}

func newPayloadReader() *payloadReader {
	r := &payloadReader{c: reparseContext, kind: envelope.Bare}
	r.c.Stamps = stampCaches.Get().(*envelope.StampCache)
	return r
}

// release gives the timestamp cache back.
func (r *payloadReader) release() { stampCaches.Put(r.c.Stamps) }

// payload returns the payload of e's raw bytes: e.Raw without its
// envelope, or e.Raw itself when the envelope does not decode.
func (r *payloadReader) payload(e *model.Entry) []byte {
	if e.Origin.Envelope != r.name {
		k, ok := envelope.ParseKind(e.Origin.Envelope)
		if !ok {
			k = envelope.Bare
		}
		r.name, r.kind = e.Origin.Envelope, k
	}
	_, payload, _, ok := payloadOf(r.kind, e.Raw, r.c, nil)
	if !ok {
		return e.Raw
	}
	return payload
}

// stampCaches lend re-reads a timestamp cache each: the lines of a view
// re-read in a row mostly share their second, and a stamp read from its
// cache costs a fraction of one parsed (a cache serves one goroutine at a
// time, hence the pool).
var stampCaches = sync.Pool{New: func() any { return new(envelope.StampCache) }}
