package decode

import (
	"connlog/model"
	"connlog/model/payload"
)

// ruleOut returns the lean entry of a line that Options.Unparsed rules out
// before its parse, and whether it did. With UnparsedFields a service line
// is decoded with its indexed fields for the question, as a store's index
// holds them, and they are dropped after a no: the entry is then what
// LeanService (or LeanAnalytics) makes of the line, and Complete parses
// it. Like leanResult it survives a panic: the line is then parsed in
// full.
func (d *lineDecoder) ruleOut(out []model.Entry, l *logical, origin *model.Origin) (res []model.Entry, ok bool) {
	if !d.asksOf(l.payload) || !d.odds.ask() {
		return out, false
	}
	before := out // what a panic returns: the entry added is dropped
	defer func() {
		if recover() != nil {
			res, ok = before, false
		}
	}()
	r, ok := d.unparsedResult(l.payload)
	if !ok {
		return out, false
	}
	// The question is asked of an entry the decoder keeps: one passed to
	// a function would otherwise be allocated for every line.
	asked := &d.asked
	d.fill(asked, &r, l, origin, 0)
	// An inferred time is settled after the decode, from the line before:
	// the question would see another time than the filter will.
	if asked.Flags.Has(model.FlagTimeInferred) || !messageInRaw(asked, true) {
		*asked = model.Entry{}
		return out, false
	}
	keep := d.lean.unparsed(asked)
	d.odds.note(!keep)
	if keep {
		*asked = model.Entry{}
		return out, false
	}
	e := grown(&out)
	*e, *asked = *asked, model.Entry{}
	e.Fields = nil
	d.fold.fold(e) // only now: a line kept is folded once its parse is done
	return out, true
}

// asksOf reports whether Options.Unparsed is asked of a line with payload
// p, if it holds what its family's first byte says.
func (d *lineDecoder) asksOf(p []byte) bool {
	if d.lean.unparsed == nil || len(p) == 0 {
		return false
	}
	switch p[0] {
	case '[':
		return !d.lean.service
	case 'A':
		return !d.lean.analytics && d.lean.unparsedAnalytics && !d.lean.unparsedFields
	}
	return false
}

// unparsedResult returns what the decoder knows of a line's payload p
// before its parse, for the question asksOf allowed.
func (d *lineDecoder) unparsedResult(p []byte) (payload.Result, bool) {
	switch {
	case p[0] == '[' && d.lean.unparsedFields:
		return d.index.service(p)
	case p[0] == '[':
		return payload.ServiceResult(p)
	}
	return payload.AnalyticsResult(p)
}

// Asking Options.Unparsed costs about half what the parse it may spare
// does, so it pays only while it rules out most of the lines it is asked
// of. A decoder that sees it rule out fewer than one in oddsShare of a
// window of lines stops asking for oddsPause lines, then tries again: a
// search for a rare text asks of every line, one for a common text soon
// parses as if it had not been asked. Either way the entries are the
// same.
const (
	oddsWindow = 1024
	oddsShare  = 2
	oddsPause  = 16 * oddsWindow
)

// unparsedOdds counts how often Options.Unparsed rules lines out.
type unparsedOdds struct {
	asked, ruledOut, paused int
}

// ask reports whether the next line is to be asked of.
func (o *unparsedOdds) ask() bool {
	if o.paused > 0 {
		o.paused--
		return false
	}
	return true
}

// note counts one answer, and pauses the asking after a window that ruled
// out too few lines.
func (o *unparsedOdds) note(ruledOut bool) {
	o.asked++
	if ruledOut {
		o.ruledOut++
	}
	if o.asked == oddsWindow {
		if o.ruledOut*oddsShare < o.asked {
			o.paused = oddsPause
		}
		o.asked, o.ruledOut = 0, 0
	}
}
