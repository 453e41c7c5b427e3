package timeline

import (
	"time"

	"connlog/model"
	"connlog/model/triage"
)

// maxBuckets bounds the buckets Counts keeps: past it the width steps up.
// It is the finest the strip can zoom to (4,096 one-second buckets are an
// hour and eight minutes), and its memory: 4,096 × 48 bytes.
const maxBuckets = 4096

// levelSlots is how many levels a Tally counts apart.
const levelSlots = 8

// Tally is what one bucket holds: entries per level, and the marks.
type Tally struct {
	Levels [levelSlots]uint32
	// Failed and Denied count failed and denied connections (and denied
	// audit records); Restarts and Gaps the boundary and gap entries.
	Failed, Denied, Restarts, Gaps uint32
}

// Total is how many entries the bucket holds.
func (t *Tally) Total() uint64 {
	var n uint64
	for _, c := range t.Levels {
		n += uint64(c)
	}
	return n
}

// notableShare is the share of a bucket a level must reach to colour it:
// one error among 70,000 debug lines is in every bucket of a busy
// connector, and colouring them all would say nothing.
const notableShare = 100 // one in a hundred

// Notable returns the highest level holding at least one in a hundred of
// the bucket's entries, warn or above (LevelNone when none does): what
// the bar is coloured by.
func (t *Tally) Notable() model.Level {
	total := t.Total()
	for l := levelSlots - 1; l >= int(model.LevelWarn); l-- {
		if c := uint64(t.Levels[l]); c > 0 && c*notableShare >= total {
			return model.Level(l)
		}
	}
	return model.LevelNone
}

func (t *Tally) add(o *Tally) {
	for i, c := range o.Levels {
		t.Levels[i] += c
	}
	t.Failed += o.Failed
	t.Denied += o.Denied
	t.Restarts += o.Restarts
	t.Gaps += o.Gaps
}

// point is what counting reads from one entry.
type point struct {
	ns             int64
	level          model.Level
	kind           model.Kind
	failed, denied bool
}

func (p *point) tally() Tally {
	var t Tally
	t.Levels[min(int(p.level), levelSlots-1)] = 1
	switch {
	case p.failed:
		t.Failed = 1
	case p.denied:
		t.Denied = 1
	case p.kind == model.KindBoundary:
		t.Restarts = 1
	case p.kind == model.KindGap:
		t.Gaps = 1
	}
	return t
}

// Counts are entries per time bucket. Buckets are aligned on multiples of
// their width since the Unix epoch, so that two Counts (of two batches of
// rows) add up bucket by bucket once brought to the same width.
type Counts struct {
	step    int     // ladder step of the width
	first   int64   // bucket number of buckets[0]
	buckets []Tally // from first on, dense
	untimed int64   // entries without a usable time
}

// Width returns the bucket width.
func (c *Counts) Width() time.Duration { return time.Duration(widthAt(c.step)) }

// Entries returns how many entries were counted, untimed ones included.
func (c *Counts) Entries() int64 {
	n := c.untimed
	for i := range c.buckets {
		n += int64(c.buckets[i].Total())
	}
	return n
}

// Untimed returns how many entries had no usable time.
func (c *Counts) Untimed() int64 { return c.untimed }

// Span returns the start of the first bucket and the end of the last one
// (zero times when nothing timed was counted).
func (c *Counts) Span() (from, to time.Time) {
	if len(c.buckets) == 0 {
		return time.Time{}, time.Time{}
	}
	w := widthAt(c.step)
	return time.Unix(0, c.first*w), time.Unix(0, (c.first+int64(len(c.buckets)))*w)
}

func (c *Counts) addPoint(p *point) {
	if !triage.UsableTime(p.ns) {
		c.untimed++
		return
	}
	t := p.tally()
	c.addTally(triage.FloorDiv(p.ns, widthAt(c.step)), c.step, &t)
}

// addTally adds t to bucket b of ladder step s (at most c's step when c
// holds buckets), growing the buckets to reach it and stepping the width
// up when they would be more than maxBuckets.
func (c *Counts) addTally(b int64, s int, t *Tally) {
	if len(c.buckets) == 0 {
		c.step, c.first = s, b
		c.buckets = append(c.buckets[:0], *t)
		return
	}
	for s > c.step {
		c.widen()
	}
	if s < c.step {
		b = triage.FloorDiv(b*widthAt(s), widthAt(c.step))
	}
	lo, hi := min(c.first, b), max(c.first+int64(len(c.buckets))-1, b)
	for hi-lo+1 > maxBuckets {
		c.widen()
		f := widthAt(c.step) / widthAt(c.step-1)
		lo, hi, b = triage.FloorDiv(lo, f), triage.FloorDiv(hi, f), triage.FloorDiv(b, f)
	}
	c.reach(b)
	c.buckets[b-c.first].add(t)
}

// reach grows the buckets so that bucket b is among them.
func (c *Counts) reach(b int64) {
	if b < c.first {
		grown := make([]Tally, int(c.first-b)+len(c.buckets))
		copy(grown[c.first-b:], c.buckets)
		c.buckets, c.first = grown, b
	}
	for n := b - c.first + 1; int64(len(c.buckets)) < n; {
		c.buckets = append(c.buckets, Tally{})
	}
}

// widen moves to the next ladder step, merging whole buckets.
func (c *Counts) widen() {
	c.buckets, c.first = merged(c.buckets, c.first, c.step, c.step+1)
	c.step++
}

// merged returns buckets counted from bucket first at step from, laid out
// at the coarser step to. The input is not changed.
func merged(buckets []Tally, first int64, from, to int) ([]Tally, int64) {
	if len(buckets) == 0 {
		return nil, 0
	}
	f := widthAt(to) / widthAt(from)
	nf := triage.FloorDiv(first, f)
	last := triage.FloorDiv(first+int64(len(buckets))-1, f)
	out := make([]Tally, last-nf+1)
	for i := range buckets {
		out[triage.FloorDiv(first+int64(i), f)-nf].add(&buckets[i])
	}
	return out, nf
}

// Add merges o into c: what a batch of appended rows adds without a
// recount. The result is at the coarser of the two widths (or coarser
// still, when the union's span needs it).
func (c *Counts) Add(o Counts) {
	c.untimed += o.untimed
	for i := range o.buckets {
		if o.buckets[i].Total() > 0 {
			c.addTally(o.first+int64(i), o.step, &o.buckets[i])
		}
	}
}

// series is the counts laid out at a (coarser or equal) step: bucket
// first onwards, dense.
type series struct {
	step  int
	first int64
	t     []Tally
}

// at lays the counts out at step s (no finer than c's own step).
func (c *Counts) at(s int) series {
	if s <= c.step {
		return series{step: c.step, first: c.first, t: c.buckets}
	}
	t, first := merged(c.buckets, c.first, c.step, s)
	return series{step: s, first: first, t: t}
}

// fitStep returns the finest step (no finer than c's) at which the span
// takes at most cols buckets.
func (c *Counts) fitStep(cols int) int {
	s := c.step
	for len(c.buckets) > 0 {
		if c.span(s) <= int64(max(cols, 1)) {
			return s
		}
		s++
	}
	return s
}

// span returns how many buckets of step s the counts cover.
func (c *Counts) span(s int) int64 {
	f := widthAt(s) / widthAt(c.step)
	return triage.FloorDiv(c.first+int64(len(c.buckets))-1, f) - triage.FloorDiv(c.first, f) + 1
}
