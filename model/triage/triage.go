package triage

import (
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// Options bound what a Triage keeps.
type Options struct {
	// Buckets is the target number of timeline buckets: the width steps up
	// (1s, 5s, 10s, 30s, 1m … 1h, 3h … 1d, then doubling) to the finest at
	// which the span fits in 2×Buckets of them. Default 60.
	Buckets int
	// MaxTemplates caps the distinct templates (default 5,000), MaxValues
	// the distinct values of each top-N table (default 10,000) and
	// MaxSessions the open and the ended rows kept (default 10,000 each).
	MaxTemplates, MaxValues, MaxSessions int
	// Compare, when not nil, says which windows "what changed" compares.
	Compare *Compare
	// Parts selects the tables kept (zero: all of them). A report leaves
	// the others empty.
	Parts Parts
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Buckets, 60)
	def(&o.MaxTemplates, 5000)
	def(&o.MaxValues, 10000)
	def(&o.MaxSessions, 10000)
	o.Parts = o.Parts.orAll()
	if o.Compare == nil {
		o.Parts &^= PartChanged
	}
	return o
}

// Triage computes the triage tables of a stream of entries, incrementally.
type Triage struct {
	opt     Options
	ax      axis
	hist    histogram
	tmpl    *templates
	top     tops
	sparks  *sparks
	sess    *sessions
	cmp     *comparer
	entries int64
	gapRows int64
	bounds  int64 // boundary rows
	// from and to are the span of the usable times seen, in nanoseconds
	// since 1970, once spanned says there was one: compared as numbers for
	// every entry counted.
	from, to int64
	spanned  bool
	// v and f are the view and the facts of the entry being counted, made
	// only for the entries that have them: most lines of a level-7 log
	// have neither, and zeroing a view of thirty strings for each of them
	// was most of what counting such a line cost.
	v view
	f facts
}

// New returns an empty Triage.
func New(o Options) *Triage {
	o = o.withDefaults()
	t := &Triage{opt: o, ax: newAxis(o.Buckets), hist: newHistogram(), tmpl: newTemplates(o.MaxTemplates),
		top: newTops(o.MaxValues), sparks: newSparks(o.MaxValues), sess: newSessions(o.MaxSessions)}
	if o.Parts.Has(PartChanged) {
		t.cmp = newComparer(*o.Compare, o.MaxValues)
	}
	return t
}

// Add counts a batch of entries. It reads only what it keeps (copying it
// out of the entries' buffers), but it may complete the fields of entries
// decoded lean (decode.Complete) and gives entries without a Seq one, as
// the pair tracker does.
func (t *Triage) Add(es []model.Entry) {
	for i := range es {
		t.AddEntry(&es[i])
	}
}

// AddKeyed is Add for entries whose template keys the caller made, keys[i]
// being TemplateKey(nil, &es[i]), or nil to make it here (as for a line the
// decoder folded, whose template is found without its key): folding a line
// into its template is most of the cost of counting templates, and a
// caller that loads entries on several goroutines makes their keys there.
// keys is not read unless the parts fold templates (see FoldsTemplates).
func (t *Triage) AddKeyed(es []model.Entry, keys [][]byte) {
	for i := range es {
		t.add(&es[i], keys[i])
	}
}

// AddEntry counts one entry, as Add does, for a caller that filters a
// batch as it goes.
func (t *Triage) AddEntry(e *model.Entry) { t.add(e, nil) }

// add counts e; key is its template key, or nil to make it here.
func (t *Triage) add(e *model.Entry, key []byte) {
	t.entries++
	note := true
	switch e.Kind {
	case model.KindGap:
		t.gapRows++ // a note of what is missing, not an entry of the log
	case model.KindBoundary:
		t.bounds++ // a note that the service restarted, nor is it one
	default:
		note = false
	}
	p := t.opt.Parts
	v := &noView
	if structured(e) && p&(PartTop|PartSessions|PartTimeline|PartChanged) != 0 {
		decode.Complete(e) // a lean analytics event
		t.v.read(e)
		v = &t.v
	}
	f := &noFacts
	if p&(PartTop|PartTimeline|PartChanged) != 0 && hasFacts(e) {
		t.f = factsOf(e, v)
		f = &t.f
	}
	// The axis is kept whatever the parts: templates and "what changed"
	// place their lines on it too.
	ns := e.Time.UnixNano()
	timed := UsableTime(ns)
	var b int64
	if timed {
		b = t.ax.bucket(ns)
		t.hist.add(e, f, b, t.ax.width)
		t.span(ns)
	} else if e.Kind != model.KindGap {
		t.hist.untimed++
	}
	if note {
		// Nor is a note a template, nor counted in a window compared: the
		// timeline, and the titles, say what notes say.
		return
	}
	id := int32(otherID)
	if p&(PartTemplates|PartChanged) != 0 {
		id = t.tmpl.add(e, key, ns, b, t.ax.width, timed)
	}
	reason := ""
	if f.failed && timed && p&(PartTop|PartChanged) != 0 {
		reason = t.top.normalise(f.reason)
	}
	if p.Has(PartTop) && f != &noFacts { // an entry without facts counts in no table
		t.top.add(e, f)
		if timed {
			t.sparks.add(f, reason, b, t.ax.width)
		}
	}
	if p.Has(PartSessions) {
		t.sess.add(e, v)
	}
	if t.cmp != nil && timed {
		t.cmp.add(e.Time, id, f, reason)
	}
}

// span widens the span seen to take in a time of ns nanoseconds.
func (t *Triage) span(ns int64) {
	switch {
	case !t.spanned:
		t.from, t.to, t.spanned = ns, ns, true
	case ns < t.from:
		t.from = ns
	case ns > t.to:
		t.to = ns
	}
}

// Times outside these years are taken for garbage: placing them on the
// timeline would stretch it over centuries.
var (
	earliest = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	latest   = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

func usableTime(t time.Time) bool { return UsableTime(t.UnixNano()) }

// UsableTime reports whether a time, in nanoseconds since 1970, can be
// placed on a timeline: one before 1990 or from 2200 on is taken for
// garbage (a zero time, a mangled year) and counted as untimed, or the
// timeline would stretch over centuries.
func UsableTime(ns int64) bool { return ns >= earliestNS && ns < latestNS }

// earliestNS and latestNS are earliest and latest in nanoseconds.
var earliestNS, latestNS = earliest.UnixNano(), latest.UnixNano()
