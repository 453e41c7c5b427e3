package decode

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/payload"
)

// journaldStdoutPriority is the PRIORITY journald gives every line a service
// writes to stdout, whatever the line says.
const journaldStdoutPriority = 6

// fromTwingate reports whether a journal record was written by a Twingate
// program, whose stdout lines all get PRIORITY 6 whatever they say.
func fromTwingate(j *model.JournalFields) bool {
	return strings.HasPrefix(j.Identifier, "twingate") || strings.HasPrefix(j.Unit, "twingate")
}

// parseSafely runs the payload parsers. They are written never to panic,
// but a panic here would take the whole program down over one hostile line,
// so it is turned into a text entry with the error visible instead. A line
// the journal's audit transport carried (see auditCarried) is read as an
// audit record first, with the stamp the journal kept apart from it.
func parseSafely(p []byte, out []payload.Result, memo *payload.AnalyticsMemo, o *model.Origin) (res []payload.Result) {
	n := len(out)
	defer func() {
		if v := recover(); v != nil {
			res = append(out[:n], payload.Result{Kind: model.KindText,
				Fields: model.Fields{model.Str(model.KeyMessage, string(p))},
				Err:    fmt.Sprintf("payload parser failed: %v", v)})
		}
	}()
	if auditCarried(o) {
		if res, ok := payload.ParseJournalAudit(p, auditStamp(o), out); ok {
			return res
		}
	}
	res = payload.ParseMemo(p, out, memo)
	if len(res) == n { // the contract promises one result; keep the line anyway
		res = append(res, payload.Result{Kind: model.KindText, Fields: model.Fields{model.Str(model.KeyMessage, string(p))}})
	}
	return res
}

// auditCarried reports a line that journald received from the kernel's
// audit subsystem (_TRANSPORT=audit, or its identifier "audit" once copied
// to syslog text): its message is a record without its "type=" and stamp
// (payload.ParseJournalAudit).
func auditCarried(o *model.Origin) bool {
	if j := o.Journal; j != nil && j.FromAudit() {
		return true
	}
	return o.Ident == model.JournalAudit
}

// auditStamp is the stamp of the audit record o's journal fields describe,
// "" when they are none or have none.
func auditStamp(o *model.Origin) string {
	if j := o.Journal; j != nil {
		return j.AuditStamp
	}
	return ""
}

// emit parses a line and appends its entries, each timed after the one
// before it.
func (d *Decoder) emit(out []model.Entry, l *logical) []model.Entry {
	n := len(out)
	out = d.build(out, l)
	for i := n; i < len(out); i++ {
		d.settle(&out[i])
	}
	return out
}

// build parses a line and appends its entries, with the times the line
// itself gives (see ownTime).
func (d *lineDecoder) build(out []model.Entry, l *logical) []model.Entry {
	origin := originOf(l)
	origin.Input = d.input
	if out, ok := d.ruleOut(out, l, &origin); ok {
		return out
	}
	// Only events ("ANALYTICS {…}") may be left so; the test is on
	// every line's path.
	if d.lean.rejects != nil && len(l.payload) > 0 && l.payload[0] == 'A' && d.defers(l, &origin) {
		d.fill(grown(&out), &unparsedEvent, l, &origin, deferredItem)
		return out
	}
	var r payload.Result
	lean := d.leanResult(l.payload, &r)
	switch {
	case lean && l.env.Exported == nil:
		// One entry, made from r where it is: staged in d.results it
		// would be copied in and cleared out again, on most lines.
		e := grown(&out)
		d.fill(e, &r, l, &origin, 0)
		d.fold.foldAfter(e, d.index.opening)
		return out
	case lean:
		d.results = append(d.results[:0], r)
	default:
		d.results = parseSafely(l.payload, d.results[:0], d.analyticsMemo(l.payload), &origin)
	}
	at, apart := payloadAt(l, len(d.results))
	results, first := exportedItem(l.env.Exported, d.results, l.payload)
	for i := range results {
		// Made in place: an entry is some 300 bytes, copied twice more
		// when made apart and appended.
		e := grown(&out)
		d.fill(e, &results[i], l, &origin, first+i)
		if apart {
			setOthers(e, &results[i], at)
		}
		d.fold.fold(e)
	}
	clear(d.results) // drop references to fields the entries now own
	return out
}

// grown adds an entry to *out and returns it, for the caller to fill
// whole (see fill): the entry is not cleared first, as appending a zero
// entry would, only to be written over.
func grown(out *[]model.Entry) *model.Entry {
	*out = slices.Grow(*out, 1)[:len(*out)+1]
	return &(*out)[len(*out)-1]
}

// payloadAt returns where line l's payload begins in its raw bytes, and
// whether the n entries it yields can be told apart there: when it yields
// several and its places are those of the raw bytes: a part of them, or
// the same bytes (a document joined from bare lines). They are not for a
// payload unescaped from its envelope (a docker json-file "log" string),
// joined from lines that each had one, or parsed without its colour
// (payload.WithoutColour): those entries are searched whole, each one's
// line as it is.
func payloadAt(l *logical, n int) (int, bool) {
	if n < 2 || bytes.IndexByte(l.payload, 0x1b) >= 0 {
		return 0, false
	}
	if at, ok := model.OffsetIn(l.raw, l.payload); ok {
		return at, true
	}
	return 0, bytes.Equal(l.raw, l.payload)
}

// setOthers gives e, one of several entries of its line, the parts of its
// raw bytes that are the others' records (model.Entry.Others).
func setOthers(e *model.Entry, r *payload.Result, at int) {
	if e.Others = r.Others(nil, at); len(e.Others) > 0 {
		e.Flags |= model.FlagSharedLine
	}
}

// fill makes e the entry of item i of line l, whose
// payload gave r; its template is the caller's to fold.
func (d *lineDecoder) fill(e *model.Entry, r *payload.Result, l *logical, origin *model.Origin, i int) {
	// Cleared, then set field by field: a literal would be built apart
	// and copied in whole, 312 bytes on every line.
	*e = model.Entry{}
	e.Kind, e.Level, e.Flags, e.Source, e.OneLine = r.Kind, levelOf(r, l), l.flags, d.src, l.oneLine
	e.Origin = *origin
	e.Fields, e.Raw, e.Payload, e.Err, e.Item = r.Fields, l.raw, l.payload, r.Err, i
	if r.Err != "" {
		e.Flags |= model.FlagParseError
	}
	ownTime(e, r, l, d.ctx.Location)
}

// ownTime gives e the payload's time when it has a zone; else, for a
// journal entry, the journal's; else the payload's zone-less time placed in
// loc (the source's location), else the envelope's. A journal entry's own
// time is exact, where the time in its message is often the writing
// host's wall clock without a zone (newt's "2026/12/04 09:00:00", a syslog
// envelope), which loc need not share: a journal copied from a host in
// another zone, a fleet's. Without any, e is flagged FlagTimeInferred and
// holds the receive time until settle gives it the previous entry's.
// A payload whose time gives way to its envelope's (Result.EnvelopeFirst:
// an audit record's stamp) takes the journal's or the envelope's first.
// (Lines never bring that flag with them: only settle and markEntry set it.)
func ownTime(e *model.Entry, r *payload.Result, l *logical, loc *time.Location) {
	switch x := l.env.Exported; {
	case x != nil && !x.Time.IsZero(): // the time the sender saw, in its zone
		e.Time, e.Flags = x.Time, e.Flags|x.Flags&model.FlagTimeInferred
	case r.EnvelopeFirst && l.journal != nil && !l.received.IsZero():
		e.Time = l.received
	case r.EnvelopeFirst && !l.env.Time.IsZero():
		e.Time = l.env.Time
	case !r.Time.IsZero() && !r.Local:
		e.Time = r.Time
	case l.journal != nil && !l.received.IsZero():
		e.Time = l.received
	case !r.Time.IsZero() && loc != nil:
		t := r.Time
		e.Time = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	case !r.Time.IsZero():
		e.Time = r.Time
	case !l.env.Time.IsZero():
		e.Time = l.env.Time
	default:
		e.Time, e.Flags = l.received, e.Flags|model.FlagTimeInferred
	}
}

// settle gives an entry without a time of its own the time of the entry
// before it from the same writer (see originKey), in the order of the
// source, and remembers e's time for the next. An entry whose writer wrote
// nothing before keeps the receive time, or the time DateUntimedAt gave,
// still flagged FlagTimeInferred: an unrelated line's time would be a
// guess. A time written without a zone is placed in the pass of a repeated
// hour that follows the lines before (see wallClocks).
func (d *Decoder) settle(e *model.Entry) {
	if e.Item == deferredItem && d.settleDeferred(e) {
		return
	}
	key := keyOf(e)
	if d.clocks.reads(e) {
		e.Time = d.clocks.place(e.Time)
	}
	if e.Flags.Has(model.FlagTimeInferred) {
		if t, ok := d.times.inherit(key, d.eventTime); ok {
			e.Time = t
		} else if !d.readAt.IsZero() {
			e.Time = d.readAt
		}
	}
	d.times.remember(key, e.Time)
	d.last, d.haveLast, d.lastHeld = e.Time, true, false
}

// levelOf picks the entry's level: the payload's, else the envelope's (newt,
// klog), else, for text and JSON from journald, its PRIORITY (6 is info).
// Service lines never take PRIORITY: journald gives their [ERROR] lines 6
// too; for the same reason a Twingate program's line without a [LEVEL]
// (its PRIORITY is always 6) has none.
func levelOf(r *payload.Result, l *logical) model.Level {
	if x := l.env.Exported; x != nil {
		return x.Level // the sender's, journald's PRIORITY included
	}
	if r.Level != model.LevelNone {
		return r.Level
	}
	if l.env.Level != model.LevelNone {
		return l.env.Level
	}
	if r.Kind != model.KindText && r.Kind != model.KindJSON {
		return model.LevelNone
	}
	if j := l.journalFields(); j != nil && !(j.Priority == journaldStdoutPriority && fromTwingate(j)) {
		return priorityLevel(j.Priority)
	}
	return model.LevelNone
}

// priorityLevel maps a syslog priority to a level; -1 (absent) is none.
func priorityLevel(p int) model.Level {
	switch {
	case p < 0 || p > 7:
		return model.LevelNone
	case p <= 2:
		return model.LevelCritical
	case p == 3:
		return model.LevelError
	case p == 4:
		return model.LevelWarn
	case p == 5:
		return model.LevelNotice
	case p == 6:
		return model.LevelInfo
	}
	return model.LevelDebug
}

// originOf describes where a line came from: the envelope first, the
// journal fields for what the envelope did not say.
func originOf(l *logical) model.Origin {
	o := model.Origin{
		Received: l.env.Time,
		Offset:   l.offset,
		Stream:   l.env.Stream,
		Host:     l.env.Host,
		Ident:    l.env.Ident,
		PID:      l.env.PID,
		Journal:  l.journalFields(),
		Envelope: l.kind.String(),
	}
	if x := l.env.Exported; x != nil && !x.Received.IsZero() {
		o.Received = x.Received
	}
	if o.Received.IsZero() {
		o.Received = l.received
	}
	if j := o.Journal; j != nil {
		o.Unit = j.Unit
		if o.Host == "" {
			o.Host = j.Hostname
		}
		if o.Ident == "" {
			o.Ident = j.Identifier
		}
		if o.PID == 0 {
			o.PID = j.PID
		}
	}
	return o
}
