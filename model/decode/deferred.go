package decode

import (
	"time"

	"connlog/model"
	"connlog/model/envelope"
	"connlog/model/payload"
)

// An ANALYTICS event that Options.Rejects rules out in every form its
// parse may give is not parsed: its entry is the line's row (kind
// analytics, level info, no fields) at the time its envelope gives it.
// Its own time, the timestamp in its JSON, is what the parse is needed
// for, and only when something reads it: a line without a time after it
// inherits it, a mark takes it, and a reader that still wants every
// entry's time (Options.SpanWanted) reads it at once. So the decoder
// keeps a copy of the last such line of each writer and reads its time
// when it is asked for (see writerTime, inheritance.hold).

// deferredItem marks the entry of an event left unparsed between build
// and settle, which reads its time at once or holds its line.
const deferredItem = -1

// rejection caches what Options.Rejects says of the forms an event may
// take: its answers hold for every entry of a kind and level.
type rejection struct {
	analytics, text [256]answer // by level
}

// answer is a cached yes or no, or not asked yet.
type answer uint8

const (
	unasked answer = iota
	yes
	no
)

// defers reports whether line l is an event that Options.Rejects rules
// out whatever its parse gives, and whose time without the parse is its
// envelope's, one the wall clocks of a repeated hour do not read (see
// wallClocks): its time is then either the event's timestamp, which they
// never read, or that envelope time (see ownTime). Its entry is then
// unparsedEvent's (see build, which asks it of the lines that open with
// an A only).
func (d *lineDecoder) defers(l *logical, origin *model.Origin) bool {
	if !d.rejectsEvents(l.payload) || !payload.OpensAnalytics(l.payload) || l.env.Exported != nil || l.journal != nil ||
		l.env.Time.IsZero() || readsWallClock(l.env.Time, d.ctx.Location) || auditCarried(origin) {
		return false
	}
	return d.rejects(model.KindText, levelOf(&payload.Result{Kind: model.KindText}, l))
}

// rejectsEvents reports whether Options.Rejects rules out every event
// the line p may be: of level info, or warn unless p cannot be a warning
// (payload.MayBeWarning: level>=warn leaves the events that name no
// failure unparsed, nine in ten of a connector's).
func (d *lineDecoder) rejectsEvents(p []byte) bool {
	return d.rejects(model.KindAnalytics, model.LevelInfo) &&
		(d.rejects(model.KindAnalytics, model.LevelWarn) || !payload.MayBeWarning(p))
}

// unparsedEvent is the result an event left unparsed is filled from.
var unparsedEvent = payload.Result{Kind: model.KindAnalytics, Level: model.LevelInfo}

// readsWallClock reports whether a time in loc would be placed by the
// wall clocks (see wallClocks.reads).
func readsWallClock(t time.Time, loc *time.Location) bool {
	return loc != time.UTC && t.Location() == loc
}

// rejects asks Options.Rejects of an entry of kind k and level lvl once.
func (d *lineDecoder) rejects(k model.Kind, lvl model.Level) bool {
	c := &d.rejected.text[lvl]
	if k == model.KindAnalytics {
		c = &d.rejected.analytics[lvl]
	}
	if *c == unasked {
		d.asked = model.Entry{Kind: k, Level: lvl}
		*c = no
		if d.lean.rejects(&d.asked) {
			*c = yes
		}
		d.asked = model.Entry{}
	}
	return *c == yes
}

// eventTime returns the time an event left unparsed has: what ownTime
// gives the result of its parse, fallback being its envelope's time.
// Like parseSafely it survives a parser panic (the line is then text,
// at the envelope's time).
func (d *lineDecoder) eventTime(p []byte, fallback time.Time) (t time.Time) {
	defer func() {
		if recover() != nil {
			t = fallback
		}
	}()
	l := logical{env: envelope.Envelope{Time: fallback}}
	var e model.Entry
	if r, ok := payload.AnalyticsResult(p); ok {
		ownTime(&e, &r, &l, d.ctx.Location)
		return e.Time
	}
	rs := parseSafely(p, nil, nil, &model.Origin{})
	ownTime(&e, &rs[0], &l, d.ctx.Location)
	return e.Time
}

// mayHold reports whether an event of writer key left unparsed may keep
// its time unread: nothing reads every time any more, and the leads of
// its writer are settled, so that SettleLead will not read it.
func (d *Decoder) mayHold(key originKey) bool {
	if d.spanWanted == nil || d.spanWanted() || len(d.led) == 0 {
		return false
	}
	return !d.composed || d.led[key] || len(d.led) >= maxInheritKeys
}

// settleDeferred settles an event left unparsed: it holds its line, or
// reads its time at once and reports false for settle to go on as for
// any entry.
func (d *Decoder) settleDeferred(e *model.Entry) bool {
	e.Item = 0
	key := keyOf(e)
	if !d.mayHold(key) {
		e.Time = d.eventTime(e.Payload, e.Time)
		return false
	}
	d.times.hold(key, e.Payload, e.Time)
	d.last, d.haveLast, d.lastHeld = e.Time, true, true
	d.lastKey = key
	return true
}

// lastTime returns the time of the last entry, read if it was an event
// held unparsed.
func (d *Decoder) lastTime() time.Time {
	if d.lastHeld {
		d.last, _ = d.times.inherit(d.lastKey, d.eventTime)
		d.lastHeld = false
	}
	return d.last
}
