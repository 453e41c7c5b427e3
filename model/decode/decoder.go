package decode

import (
	"time"

	"connlog/model"
	"connlog/model/envelope"
	"connlog/model/payload"
)

// Decoder turns the records of one source into entries. It detects the
// source's envelope from its first lines and sticks to it, falling back line
// by line when a line does not fit; it joins split lines and multi-line JSON
// documents; and it gives entries without a time of their own the time of
// the entry before from the same writer. A Decoder is not safe for
// concurrent use.
type Decoder struct {
	lineDecoder
	part  parts
	doc   document
	block block

	times    inheritance // per writer, for lines without a time
	clocks   wallClocks  // the times written without a zone, for the hour a fall-back repeats
	last     time.Time   // of the last entry, for gap and boundary marks
	haveLast bool
	readAt   time.Time          // see DateUntimedAt; zero: when each line was read
	led      map[originKey]bool // the writers whose leads were settled: none while every entry may be a lead
	composed bool               // lines of several writers (docker compose) were settled

	// Events left unparsed (see deferred.go): last may stand for the
	// time of one, lastKey's, which is read when a mark takes it; while
	// spanWanted (Options.SpanWanted) says so, their times are read at
	// once.
	lastHeld   bool
	lastKey    originKey
	spanWanted func() bool
}

// lineDecoder is the part of a Decoder that works on one line at a time:
// envelope removal and payload parsing. Once the envelope is settled it
// holds no state that one line passes to the next (its memo of analytics
// parts only spares work), so copies of it may prepare lines on other
// goroutines (see Preparer), each with buffers and a memo of its own.
type lineDecoder struct {
	src    model.SourceID
	ctx    envelope.Context
	forced bool            // the envelope was named in Options
	kind   envelope.Kind   // the forced or detected envelope
	sticky bool            // kind holds a detected envelope
	lean   leanness        // the Options.Lean* settings
	fold   *templateFolder // Options.Templates; nil: off
	input  string          // Options.Input

	slab    slab
	index   indexSlabs             // IndexService's fields and joined modules
	memo    *payload.AnalyticsMemo // made with the first analytics event
	results []payload.Result
	asked   model.Entry // the entry Options.Unparsed or Rejects is asked of (see ruleOut, defers)
	odds    unparsedOdds

	rejected rejection // Options.Rejects's answers
}

// analyticsMemo returns the decoder's memo of analytics parts for payload
// p: nil unless p may be an event, made when the first one comes.
func (d *lineDecoder) analyticsMemo(p []byte) *payload.AnalyticsMemo {
	if len(p) == 0 || p[0] != 'A' {
		return nil
	}
	if d.memo == nil {
		d.memo = payload.NewAnalyticsMemo()
	}
	return d.memo
}

// New returns a Decoder for the records of source src. An unknown
// Options.Envelope name means detection; CheckOptions reports it.
func New(src model.SourceID, opts Options) *Decoder {
	loc := opts.Location
	if loc == nil {
		loc = time.Local
	}
	ref := opts.Reference
	if ref.IsZero() {
		ref = time.Now()
	}
	d := &Decoder{lineDecoder: lineDecoder{src: src, lean: leanness{service: opts.LeanService, analytics: opts.LeanAnalytics, text: opts.LeanText, index: opts.IndexService, indexAnalytics: opts.IndexAnalytics,
		unparsed: opts.Unparsed, unparsedFields: opts.UnparsedFields, unparsedAnalytics: opts.UnparsedAnalytics, rejects: opts.Rejects},
		fold: newTemplateFolder(opts.Templates), input: opts.Input,
		ctx: envelope.Context{Location: loc, Reference: ref, Intern: interner{}.intern, Stamps: &envelope.StampCache{}}},
		clocks: wallClocks{loc: loc}, spanWanted: opts.SpanWanted}
	if !isAuto(opts.Envelope) {
		d.kind, d.forced = envelope.ParseKind(opts.Envelope)
	}
	return d
}

// Decode appends the entries one record yields and returns out: none while a
// split line or a JSON document is being held, usually one, several for a
// payload with several items (a Tailscale flow message), plus any held lines
// the record shows to be complete. Entries' Raw and Payload may alias
// rec.Raw: keep the record's bytes unchanged until the entries are stored.
func (d *Decoder) Decode(rec *model.Record, out []model.Entry) []model.Entry {
	if rec.Mark != model.MarkLine {
		out = d.Flush(out)
		return append(out, d.markEntry(rec))
	}
	var l logical
	d.decodeRecord(rec, &l)
	return d.decodeLine(&l, out)
}

// decodeLine continues Decode once the line's envelope is removed.
func (d *Decoder) decodeLine(l *logical, out []model.Entry) []model.Entry {
	if l.env.Exported != nil {
		return d.decodeExported(l, out)
	}
	d.part.pass(l)
	for p := d.part.stale(l); p != nil; p = d.part.stale(l) {
		held := p.take(model.FlagPartial)
		out = d.line(out, &held)
	}
	p := d.part.of(l)
	if !p.active() && !l.env.Partial {
		return d.line(out, l)
	}
	d.part.add(l)
	if l.env.Partial && !p.full() {
		return out
	}
	flags := model.Flags(0)
	if l.env.Partial {
		flags = model.FlagTruncated // the bound cut it: its rest follows as a line of its own
	}
	joined := p.take(flags)
	return d.line(out, &joined)
}

// Holding reports whether the decoder holds lines back: a split line, a
// multi-line entry or a JSON document that may go on with the next record.
func (d *Decoder) Holding() bool { return d.part.active() || d.block.active || d.doc.active }

// Flush appends whatever is still held, as at the end of the input, in input
// order: the lines of an unfinished JSON document, each as its own entry, and
// a split line whose last piece never came (flagged model.FlagPartial).
func (d *Decoder) Flush(out []model.Entry) []model.Entry {
	for p := d.part.oldest(); p != nil; p = d.part.oldest() {
		held := p.take(model.FlagPartial)
		out = d.line(out, &held)
	}
	out = d.flushBlock(out)
	return d.flushDocument(out)
}

// flushBlock emits a held multi-line entry as one entry.
func (d *Decoder) flushBlock(out []model.Entry) []model.Entry {
	if !d.block.active {
		return out
	}
	joined := d.block.joined()
	d.block.take()
	return d.emit(out, &joined)
}

// blockLine gives a line to the held block, or starts one, and reports
// whether the line was taken.
func (d *Decoder) blockLine(out []model.Entry, l *logical) ([]model.Entry, bool) {
	if d.block.active {
		if d.block.continues(l) {
			if d.block.extend(l) {
				out = d.flushBlock(out)
			}
			return out, true
		}
		out = d.flushBlock(out)
	}
	if !d.doc.active && opensBlock(l.payload) {
		d.block.begin(l)
		return out, true
	}
	return out, false
}

// decodeRecord makes l the record's line without its envelope. It fills
// l in place: a line is some 230 bytes, which a result returned by value
// would copy on every record.
func (d *lineDecoder) decodeRecord(rec *model.Record, l *logical) {
	*l = logical{raw: rec.Raw, offset: rec.Offset, received: rec.Received, journal: rec.Journal, oneLine: rec.OneLine}
	l.kind, l.payload = d.removeEnvelope(&l.env, rec.Raw, rec.OneLine)
	if x := l.env.Exported; x != nil {
		l.kind, l.env, l.payload = d.unwrapExported(x)
		l.raw, l.offset, l.oneLine = x.Raw, -1, false // the bytes are not the file's
	}
	l.flags = noteFlags(rec.Note) | l.env.Exported.LineFlags()
}

// noteFlags returns the flags a record's Note gives its entries.
func noteFlags(note string) model.Flags {
	switch note {
	case model.NotePartialLine:
		return model.FlagPartial
	case model.NoteCutLine:
		return model.FlagTruncated
	case model.NoteLastLine:
		return model.FlagNoNewline
	case model.NoteMessageUnreadable:
		return model.FlagMessageUnreadable
	}
	return 0
}

// removeEnvelope decodes raw with the forced or sticky envelope, else the
// one Detect names for this line, else as a bare line. The first envelope
// detected for a source sticks to it, but only as a first guess: a line it
// does not fit, or fits doubtfully (envelope.Doubtful), is detected afresh,
// so that a mixed stream is read line by line.
func (d *lineDecoder) removeEnvelope(env *envelope.Envelope, raw []byte, oneLine bool) (envelope.Kind, []byte) {
	if d.forced || d.sticky {
		if p, ok := d.try(env, d.kind, raw, oneLine); ok {
			if d.forced || !envelope.Doubtful(d.kind, raw, env) || envelope.Detect(raw) == d.kind {
				return d.kind, p
			}
		}
	}
	if !d.forced {
		if k := envelope.Detect(raw); k != envelope.Bare && (k != d.kind || !d.sticky) {
			if p, ok := d.try(env, k, raw, oneLine); ok {
				if !d.sticky {
					d.kind, d.sticky = k, true
				}
				return k, p
			}
		}
	}
	p, _ := d.try(env, envelope.Bare, raw, oneLine)
	return envelope.Bare, p
}

// try decodes raw as envelope k into *env and the slab; oneLine says raw
// is known to hold no newline (model.Record.OneLine).
func (d *lineDecoder) try(env *envelope.Envelope, k envelope.Kind, raw []byte, oneLine bool) ([]byte, bool) {
	multi := !oneLine && manyLines(k, raw)
	if needsBuffer(k, multi) {
		d.slab.reserve(len(raw))
	}
	p, buf, ok := payloadOfLines(env, k, raw, multi, d.ctx, d.slab.buf)
	if ok {
		d.slab.buf = buf
	}
	return p, ok
}

// line handles one complete line: it continues or starts a multi-line
// entry (an indented block, a JSON document), or is parsed into entries at
// once.
func (d *Decoder) line(out []model.Entry, l *logical) []model.Entry {
	out, taken := d.blockLine(out, l)
	if taken {
		return out
	}
	if d.doc.active {
		if l.kind == d.doc.kind {
			if d.doc.add(l) {
				joined := d.doc.joined()
				d.doc.take()
				return d.emit(out, &joined)
			}
			if d.doc.overflowing() {
				return d.flushDocument(out)
			}
			return out
		}
		out = d.flushDocument(out)
	}
	if s, ok := opensDocument(l.payload); ok {
		d.doc.start(l, s)
		return out
	}
	return d.emit(out, l)
}

// flushDocument gives up on a held document: each line becomes an entry.
func (d *Decoder) flushDocument(out []model.Entry) []model.Entry {
	if !d.doc.active {
		return out
	}
	for _, l := range d.doc.take() {
		out = d.emit(out, &l)
	}
	return out
}

// needsBuffer reports whether decoding a raw as k may produce a payload
// that cannot alias it: escaped JSON strings, or the joined pieces of a raw
// holding several lines (multi).
func needsBuffer(k envelope.Kind, multi bool) bool {
	return k == envelope.DockerJSON || k == envelope.JournalJSON || k == envelope.ConnlogNDJSON || multi
}
