package decode

import (
	"fmt"
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
	payload := payloadOfRaw(e)
	results := parseSafely(payload, nil)
	e.Payload = payload
	if e.Item < 0 || e.Item >= len(results) {
		e.Fields = model.Fields{model.Str(model.KeyMessage, string(payload))}
		e.Err = fmt.Sprintf("item %d not found when the line was parsed again (it has %d)", e.Item, len(results))
		return
	}
	e.Fields, e.Err = results[e.Item].Fields, results[e.Item].Err
}

// Payload sets an entry's Payload from e.Raw and e.Origin.Envelope, as
// Reparse does, but leaves its fields as they are: what a view that reads
// only the message text of a line (its template) needs, for a fraction of
// a re-parse.
func Payload(e *model.Entry) {
	if e.Kind == model.KindGap || e.Kind == model.KindBoundary {
		return
	}
	e.Payload = payloadOfRaw(e)
}

// payloadOfRaw returns the payload of e's raw bytes: e.Raw without its
// envelope, or e.Raw itself when the envelope does not decode.
func payloadOfRaw(e *model.Entry) []byte {
	k, ok := envelope.ParseKind(e.Origin.Envelope)
	if !ok {
		k = envelope.Bare
	}
	c := reparseContext
	c.Stamps = stampCaches.Get().(*envelope.StampCache)
	defer stampCaches.Put(c.Stamps)
	_, payload, _, ok := payloadOf(k, e.Raw, c, nil)
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
