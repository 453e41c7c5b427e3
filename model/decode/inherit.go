package decode

import (
	"strings"
	"time"

	"connlog/model"
	"connlog/model/envelope"
)

// maxInheritKeys bounds the per-origin times a Decoder remembers; a stream
// with more distinct containers than this starts over (they then inherit
// nothing until they write a time again).
const maxInheritKeys = 1024

// originKey names the writer of a line within one source: the service of
// a docker compose line, "" for everything else. A compose stream holds
// several containers' lines, each with its own clock; any other source is
// one writer as far as the lines tell (a journalctl continuation line, for
// one, has no prefix at all and belongs to the line above it).
type originKey struct {
	service string
}

// inheritance remembers the time of the last entry of each origin, so that
// a line without a time of its own is placed after the line before it from
// the same writer, never after an unrelated one.
type inheritance struct {
	lastKey  originKey
	last     writerTime
	haveLast bool
	others   map[originKey]writerTime
}

// writerTime is the time of a writer's last entry: t, or, while holding,
// the time of an event left unparsed (see deferred.go) whose copy held
// keeps, t being its envelope's. held's room serves the writer's next.
type writerTime struct {
	t       time.Time
	held    []byte
	holding bool
}

// eventReader reads the time of an event left unparsed, fallback being
// its envelope's (lineDecoder.eventTime).
type eventReader func(p []byte, fallback time.Time) time.Time

// value returns the time, read with read if it is held.
func (w *writerTime) value(read eventReader) time.Time {
	if w.holding {
		w.t, w.holding = read(w.held, w.t), false
	}
	return w.t
}

// inherit returns the time the previous entry from key's origin had.
func (h *inheritance) inherit(key originKey, read eventReader) (time.Time, bool) {
	if h.haveLast && key == h.lastKey {
		return h.last.value(read), true
	}
	w, ok := h.others[key]
	if ok && w.holding {
		w.value(read)
		h.others[key] = w
	}
	return w.t, ok
}

// remember records t as the latest time of key's origin.
func (h *inheritance) remember(key originKey, t time.Time) {
	if h.haveLast && key == h.lastKey { // the common case, kept inline
		h.last.t, h.last.holding = t, false
		return
	}
	w := h.writer(key)
	w.t, w.holding = t, false
}

// hold records as the latest time of key's origin that of the event
// left unparsed p, whose envelope gave it fallback: p is copied, as the
// source may reuse its bytes.
func (h *inheritance) hold(key originKey, p []byte, fallback time.Time) {
	w := h.writer(key)
	w.t, w.held, w.holding = fallback, append(w.held[:0], p...), true
}

// writer returns the time of key's origin to write, making key the last
// origin. A new key is copied: its service name lies in the line's bytes,
// which the source may reuse once the line has been stored.
func (h *inheritance) writer(key originKey) *writerTime {
	if h.haveLast && key == h.lastKey {
		return &h.last
	}
	if h.haveLast {
		if h.others == nil || len(h.others) >= maxInheritKeys {
			h.others = make(map[originKey]writerTime)
		}
		h.others[h.lastKey] = h.last
	}
	h.lastKey, h.last, h.haveLast = originKey{service: strings.Clone(key.service)}, writerTime{}, true
	return &h.last
}

// keyOf is the origin key of an entry.
func keyOf(e *model.Entry) originKey {
	if e.Origin.Envelope == composeEnvelope {
		return originKey{service: e.Origin.Ident}
	}
	return originKey{}
}

// composeEnvelope is the name Origin.Envelope gives compose lines.
var composeEnvelope = envelope.Compose.String()

// SettleLead gives the leads among es, the entries just decoded, the time
// of the first entry of their writer after them with a time of its own: a
// lead is a line without a time before any line of its writer with one
// (journalctl's "-- Logs begin at … --", a banner, the end of a stack trace
// a rotated file begins with). settle could only give such a line its
// receive time, which for yesterday's log is today: the line then
// stretched the log's span to now and set the day a time without a date
// falls on. es must follow the entries given before in the source's order;
// leads whose timed entry has not come by the end of es keep their receive
// time (a caller may hold them back until it comes, see LeadOpen), and
// those before it in the next es are still leads. A mark dated by a lead
// before it, or noticed before any entry (see markEntry), moves with the
// first timed entry; a mark is never the timed entry.
func (d *Decoder) SettleLead(es []model.Entry) {
	if len(d.led) > 0 && !d.composed {
		return
	}
	for i := range es {
		e := &es[i]
		if e.Flags.Has(model.FlagTimeInferred) || e.IsMark() {
			continue
		}
		key := keyOf(e)
		d.composed = d.composed || key.service != ""
		if d.led[key] || len(d.led) >= maxInheritKeys {
			continue
		}
		for j := range es[:i] {
			l := &es[j]
			if l.Flags.Has(model.FlagTimeInferred) && (l.IsMark() && len(d.led) == 0 || !l.IsMark() && keyOf(l) == key) {
				l.Time = e.Time
			}
		}
		if d.led == nil {
			d.led = make(map[originKey]bool)
		}
		d.led[key] = true
		if !d.composed {
			return
		}
	}
}

// LeadOpen reports whether no entry with a time of its own has been
// settled yet: the entries decoded so far may all be leads.
func (d *Decoder) LeadOpen() bool { return len(d.led) == 0 }

// DateUntimedAt dates the lines that have no time of their own nor one to
// inherit (a log without times, the lines a file begins with before its
// first time, which SettleLead could not settle) at t, rather than when
// each was read; the zero t dates them when read again. Inputs read
// together give it the moment they began to be read, for the lines they
// held then: their receive times would only say which input happened to
// be read first, and the merge would order their lines by that race
// instead of by the inputs' order. Lines written later are dated when
// read, which is then about when they were written.
func (d *Decoder) DateUntimedAt(t time.Time) { d.readAt = t }
