package decode

import (
	"connlog/model"
	"connlog/model/mask"
	"connlog/model/payload"
)

// leanness says which payload families are decoded without their fields,
// or with fields over their line's bytes.
type leanness struct {
	service           bool
	analytics         bool
	text              bool                    // stamped text lines (Options.LeanText)
	index             bool                    // service lines with their indexed fields only (Options.IndexService)
	indexAnalytics    bool                    // events parsed over their line's bytes (Options.IndexAnalytics)
	unparsed          func(*model.Entry) bool // Options.Unparsed
	unparsedFields    bool                    // Options.UnparsedFields
	unparsedAnalytics bool                    // Options.UnparsedAnalytics
	rejects           func(*model.Entry) bool // Options.Rejects
}

// leanResult makes *r the field-less result of a service line, an
// analytics event or a stamped text line when the decoder was asked to
// skip their fields, and reports whether it did; r is the caller's, a
// result being some 120 bytes that a return by value would copy on every
// line. Like parseSafely it survives a parser panic: the line is then
// parsed in full, where the panic becomes a visible parse error.
func (d *lineDecoder) leanResult(p []byte, r *payload.Result) (ok bool) {
	d.index.opening = mask.Opening{} // set again by a line that begins with a remembered opening
	defer func() {
		if recover() != nil {
			*r, ok = payload.Result{}, false
		}
	}()
	switch {
	case d.lean.service && len(p) > 0 && p[0] == '[':
		lvl, ok := payload.ServiceLevel(p)
		*r = payload.Result{Kind: model.KindService, Level: lvl}
		return ok
	case d.lean.analytics && len(p) > 0 && p[0] == 'A':
		*r, ok = payload.AnalyticsResult(p)
	case d.lean.text && len(p) > 0 && p[0] >= '0' && p[0] <= '9':
		*r, ok = payload.StampedTextResult(p)
	case d.lean.index && len(p) > 0 && p[0] == '[':
		*r, ok = d.index.service(p)
	case (d.lean.index || d.lean.indexAnalytics) && len(p) > 0 && p[0] == 'A':
		*r, ok = d.index.analytics(p, d.analyticsMemo(p))
	}
	return ok
}

// Sizes of the blocks IndexService's fields are carved from.
const (
	indexFieldBlock  = 1024     // fields
	indexEventFields = 48       // room made for an event's fields (more still fit: the block grows)
	indexJoinBlock   = 16 << 10 // bytes of joined module paths
)

// indexSlabs hand out the fields of service lines read with IndexService
// from blocks shared by many entries. Like slab, a block is never reused
// by the slabs themselves: the entries hold slices of it until the store
// has copied what it keeps, and a full one is left to the garbage
// collector, unless it came from a pool (see beginPooled).
type indexSlabs struct {
	fields []model.Field
	join   []byte
	joins  recentJoins  // the module paths joined last, shared by the lines that name them again
	pool   *FieldPool   // where new blocks come from while set
	taken  FieldBlocks  // the blocks taken from pool
	sets   *serviceSets // the pairs lines share; made with the first service line
	opens  *openings    // the openings of the lines that share them; made with the first shared pair
	// opening is the mask.Opening of the line service read last, when it
	// began with a remembered opening; else its zero value.
	opening mask.Opening
}

// beginPooled carves the fields that follow from blocks of pool, until
// endPooled, which returns them: they go back to the pool once the
// entries holding them are stored.
func (x *indexSlabs) beginPooled(pool *FieldPool) {
	x.fields, x.pool = nil, pool
}

// endPooled returns the blocks taken since beginPooled, and leaves the
// last one: no field carved later may share a block that goes back.
func (x *indexSlabs) endPooled() FieldBlocks {
	bs := x.taken
	x.fields, x.pool, x.taken = nil, nil, nil
	return bs
}

// service returns the Result of a service line with its indexed fields.
func (x *indexSlabs) service(p []byte) (payload.Result, bool) {
	if x.opens != nil {
		if lvl, fs, o, ok := x.opens.find(p); ok {
			x.opening = o
			return payload.Result{Kind: model.KindService, Level: lvl, Fields: fs}, true
		}
	}
	x.reserveFields(2)
	if cap(x.join)-len(x.join) < len(p) {
		x.join = make([]byte, 0, max(indexJoinBlock, len(p)))
	}
	start, joined := len(x.fields), len(x.join)
	r, fs, join, ok := payload.ServiceIndex(p, x.fields, x.join)
	if !ok {
		return r, false
	}
	if x.sets == nil {
		x.sets = new(serviceSets)
	}
	if shared, ok := x.sets.shared(fs[start:]); ok {
		// The blocks' room for the fields and a joined module is used again.
		r.Fields = shared
		if x.opens == nil {
			x.opens = new(openings)
		}
		x.opens.remember(p, r.Level, shared)
		return r, true
	}
	if len(join) > joined && fs[start].Key == model.KeyModule {
		if s, ok := x.joins.find(join[joined:]); ok {
			fs[start].Value, join = s, join[:joined]
		} else {
			x.joins.add(fs[start].Value)
		}
	}
	x.fields, x.join = fs, join
	r.Fields = fs[start:len(fs):len(fs)]
	return r, true
}

// analytics returns the Result of an ANALYTICS event, its fields carved
// from the block and its values over the line's bytes (or memo's copies).
func (x *indexSlabs) analytics(p []byte, memo *payload.AnalyticsMemo) (payload.Result, bool) {
	x.reserveFields(indexEventFields)
	r, fs, ok := payload.AnalyticsIndex(p, x.fields, memo)
	if ok {
		x.fields = fs
	}
	return r, ok
}

// reserveFields makes room for n more fields in the current block.
func (x *indexSlabs) reserveFields(n int) {
	switch {
	case cap(x.fields)-len(x.fields) >= n:
	case x.pool != nil:
		b := x.pool.get()
		x.fields, x.taken = *b, append(x.taken, b)
	default:
		x.fields = make([]model.Field, 0, indexFieldBlock)
	}
}

// IsLean reports whether e is a service, analytics or text entry decoded
// with Options.LeanService, LeanAnalytics or LeanText whose fields have not
// been parsed yet. (A fully parsed one always has fields.)
func IsLean(e *model.Entry) bool {
	switch e.Kind {
	case model.KindService, model.KindAnalytics, model.KindText:
		return e.Fields == nil && len(e.Payload) > 0
	}
	return false
}

// Complete parses the fields (and any parse error) of an entry decoded with
// Options.LeanService, LeanAnalytics or LeanText, from its Payload, exactly
// as the decoder would have without those options. Any other entry is left
// as it is.
func Complete(e *model.Entry) {
	if !IsLean(e) {
		return
	}
	results := parseSafely(e.Payload, nil, nil, &e.Origin)
	if e.Item < len(results) {
		e.Fields, e.Err = results[e.Item].Fields, results[e.Item].Err
		if e.Err != "" {
			e.Flags |= model.FlagParseError
		}
	}
}
