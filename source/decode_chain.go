package source

import (
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// chainTeller is what an input's decode stage tells its rotation chain
// and learns from it (see rotationChain). Its methods do nothing for an
// input outside a chain.
type chainTeller struct {
	link *ChainLink
	last time.Time // the time of the last dated entry sent
}

// sending notes es, about to be sent after every entry before them: the
// input's dated lines begin with the first, unless every entry so far is a
// lead (leadOpen), whose time is not the input's own. It is told before
// the stage may wait for room in the merge, which an older input, waiting
// for it, holds back.
func (c *chainTeller) sending(es []model.Entry, leadOpen bool) {
	if c.link == nil || len(es) == 0 {
		return
	}
	if leadOpen {
		c.link.began(time.Time{})
		return
	}
	c.link.began(es[0].Time)
	c.last = es[len(es)-1].Time
}

// caughtUp tells that a followed input has read what it held at the start:
// a dated line that comes from now on was written after the older files'.
func (c *chainTeller) caughtUp() {
	if c.link != nil {
		c.link.began(time.Time{})
	}
}

// keepsLeads reports whether a quiet input holds its leads to its end,
// where the next newer file of its chain dates them, rather than showing
// them as they stand: a rotated copy ends soon.
func (c *chainTeller) keepsLeads() bool {
	return c.link != nil && c.link.at+1 < len(c.link.chain.members)
}

// ending returns es, the input's last entries, with its leads placed in
// the chain when no line of the input dated them (see ChainLink.place),
// and tells the chain where the input's dated lines end.
func (c *chainTeller) ending(dec *decode.Decoder, es []model.Entry) []model.Entry {
	if c.link == nil {
		return es
	}
	dec.SettleLead(es) // the last line, flushed, may be the first dated
	if !dec.LeadOpen() {
		c.sending(es, false)
	} else {
		c.link.began(time.Time{})
		placeLeads(es, c.link)
	}
	c.link.ended(c.last)
	return es
}

// placeLeads dates es, entries of an input without a dated line, where the
// chain places them. A gap (a file not read) that no newer file dates
// stands after the older file's last dated line when there is one, and
// says that its time is unknown; a line without a time keeps the time
// lines without one are given.
func placeLeads(es []model.Entry, l *ChainLink) {
	at, after := l.place()
	for i := range es {
		e := &es[i]
		switch {
		case !e.Flags.Has(model.FlagTimeInferred):
		case after == "" && !at.IsZero():
			e.Time = at
		case e.Kind == model.KindGap:
			if !at.IsZero() {
				e.Time = at
			}
			sayTimeUnknown(e, after)
		}
	}
}

// sayTimeUnknown adds to a gap's reason, and so to its words, that its
// time is not known: after names the older file it is placed after, ""
// when it keeps the time it was given.
func sayTimeUnknown(e *model.Entry, after string) {
	words := "time unknown: no other file of its rotation has a dated line"
	if after != "" {
		words = "time unknown: placed after the last dated line of " + after + ", as no newer file of its rotation has one"
	}
	reason := e.Fields.Value(model.KeyGapReason) + "; " + words
	count, _ := e.Fields.Num(model.KeyGapCount)
	e.Fields = model.GapFields(reason, int64(count))
}
