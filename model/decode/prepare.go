package decode

import (
	"connlog/model"
	"connlog/model/envelope"
)

// Preparer does the per-line half of decoding — envelope removal and
// payload parsing, the bulk of the work — for batches of a source's records,
// on any goroutine, so that several can work on one source at once. The
// source's Decoder then puts the prepared batches together in order
// (Assemble): joining split lines and JSON documents and inheriting times
// need the lines before. A Preparer is used by one goroutine at a time;
// Clone makes one for another.
type Preparer struct {
	ld     lineDecoder
	fields *FieldPool // see ReuseFields
	line   logical    // the record being prepared, filled in place
}

// ReuseFields has p carve the fields of a batch of Reused records from
// blocks of pool; the batch keeps them (TakeFieldBlocks) until its entries
// are stored.
func (p *Preparer) ReuseFields(pool *FieldPool) { p.fields = pool }

// Preparer returns a Preparer for d's source, or nil while d has not yet
// settled on an envelope (none was forced and none has been detected):
// until then each line may change how the next is read, and batches must go
// through Decode.
func (d *Decoder) Preparer() *Preparer {
	if !d.forced && !d.sticky {
		return nil
	}
	p := &Preparer{ld: lineDecoder{src: d.src, ctx: d.ctx, forced: d.forced, kind: d.kind, sticky: d.sticky, lean: d.lean,
		fold: newTemplateFolder(d.fold != nil), input: d.input}}
	p.ld.ctx.Intern, p.ld.ctx.Stamps = interner{}.intern, &envelope.StampCache{}
	return p
}

// Clone returns a Preparer with p's settings and buffers of its own. It
// only reads p, so several goroutines may clone one Preparer that none of
// them prepares with.
func (p *Preparer) Clone() *Preparer {
	c := &Preparer{ld: lineDecoder{src: p.ld.src, ctx: p.ld.ctx, forced: p.ld.forced, kind: p.ld.kind,
		sticky: p.ld.sticky, lean: p.ld.lean, fold: newTemplateFolder(p.ld.fold != nil), input: p.ld.input}, fields: p.fields}
	c.ld.ctx.Intern, c.ld.ctx.Stamps = interner{}.intern, &envelope.StampCache{}
	return c
}

// Batch is a block of one source's records with their envelopes removed and
// the lines that stand alone already parsed, waiting for Assemble.
type Batch struct {
	recs    []model.Record
	lines   []preparedLine
	held    []logical     // the lines Assemble must look at again
	entries []model.Entry // the entries of the lines that stand alone, in order
	direct  bool          // every record is a line that stands alone
	fields  FieldBlocks   // the pooled blocks its fields were carved from (Preparer.ReuseFields)
}

// TakeFieldBlocks returns the pooled blocks the batch's fields were carved
// from, which go back to their pool (FieldPool.Put) once the batch's
// entries are stored, and forgets them.
func (b *Batch) TakeFieldBlocks() FieldBlocks {
	bs := b.fields
	b.fields = nil
	return bs
}

// preparedLine says where one record's results lie in its Batch.
type preparedLine struct {
	end  int // the line's entries are entries[previous end:end]
	held int // index in held, or -1 when the line stands alone (or is a mark)
}

// Prepare fills b from recs, appending the entries of lines that stand alone
// to entries (which b then owns). A line stands alone when it is complete
// and does not open a JSON document: unless a split line or a document is
// held when its turn comes, it becomes its entries as they are. The records'
// bytes must stay unchanged until the entries are stored.
func (p *Preparer) Prepare(b *Batch, recs []model.Record, entries []model.Entry) {
	b.recs, b.entries, b.direct, b.fields = recs, entries[:0], true, nil
	b.lines, b.held = b.lines[:0], b.held[:0]
	pooled := p.fields != nil && len(recs) > 0 && recs[0].Reused
	if pooled {
		p.ld.index.beginPooled(p.fields)
	}
	for i := range recs {
		rec := &recs[i]
		pl := preparedLine{held: -1}
		if rec.Mark != model.MarkLine {
			b.direct = false
		} else if p.ld.decodeRecord(rec, &p.line); standsAlone(&p.line) {
			b.entries = p.ld.build(b.entries, &p.line)
		} else {
			b.direct = false
			pl.held = len(b.held)
			b.held = append(b.held, p.line)
		}
		pl.end = len(b.entries)
		b.lines = append(b.lines, pl)
	}
	if pooled {
		b.fields = p.ld.index.endPooled()
	}
	p.line = logical{} // keeps nothing of the records once they are prepared
}

// standsAlone reports whether a line is complete by itself: not a piece of
// a split line and not the start of a multi-line JSON document or block.
func standsAlone(l *logical) bool {
	if l.env.Partial || l.env.Exported != nil || opensBlock(l.payload) {
		return false
	}
	_, opens := opensDocument(l.payload)
	return !opens
}

// Assemble appends the entries of a prepared batch to out, exactly as
// Decode would for each of its records in turn, and returns out. Batches
// must be assembled in the order of their records. When out is empty and
// nothing is held, the result may be the batch's own entries slice: the
// batch gives it up and must be prepared again before it is reused.
func (d *Decoder) Assemble(b *Batch, out []model.Entry) []model.Entry {
	if b.direct && len(out) == 0 && !d.part.active() && !d.doc.active && !d.block.active {
		out, b.entries, b.recs = b.entries, nil, nil
		for i := range out {
			d.settle(&out[i])
		}
		return out
	}
	start := 0
	for i := range b.lines {
		pl := &b.lines[i]
		switch {
		case b.recs[i].Mark != model.MarkLine:
			out = d.Decode(&b.recs[i], out)
		case pl.held >= 0:
			out = d.decodeLine(&b.held[pl.held], out)
		case d.part.active() || d.doc.active || d.block.active:
			// Something held may take this line in: decode it afresh.
			out = d.Decode(&b.recs[i], out)
		default:
			for j := start; j < pl.end; j++ {
				out = append(out, b.entries[j])
				d.settle(&out[len(out)-1])
			}
		}
		start = pl.end
	}
	// Drop references to the records' bytes, which the pooled batch would
	// otherwise keep until it is prepared again.
	clear(b.held)
	clear(b.entries)
	b.recs, b.entries = nil, b.entries[:0]
	return out
}
