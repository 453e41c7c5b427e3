package triage

import (
	"sort"
	"time"
	"unsafe"

	"connlog/model"
)

// template is one row of the templates table while it is being counted.
type template struct {
	text  string
	query string // templateQuery: what finds its lines
	exact bool   // the query finds its lines and no other
	kind  model.Kind
	level model.Level
	count int64
	// first and last are the times of its first and last lines, in
	// nanoseconds, once timed says a line had a usable time: compared as
	// numbers for every line counted.
	first, last int64
	timed       bool
	buckets     series
}

// templates folds entries into templates: the masked line, within its kind
// and level (and so, for service lines, within their module, which the
// template keeps). Past the cap, new templates are counted as other.
type templates struct {
	max   int
	byKey map[string]int32
	list  []*template
	other template
	key   []byte // scratch: kind, level, masked text
	// folded remembers the ids of recent templates that the decoder folded
	// lines into (Entry.Template), found without making or hashing the
	// line's key: a store hands out one string per template, so a hit is
	// most often a comparison of pointers.
	folded [foldedSlots]foldedID
}

// foldedSlots is the size of templates.folded; foldedBits, its log2.
const (
	foldedBits  = 10
	foldedSlots = 1 << foldedBits
)

// foldedID is one remembered template id.
type foldedID struct {
	template string
	kind     model.Kind
	level    model.Level
	id       int32
}

// otherID is the id of the row that counts templates past the cap.
const otherID = -1

func newTemplates(max int) *templates {
	return &templates{max: max, byKey: map[string]int32{}, other: template{text: Other}}
}

// keyPrefix appends what a template key starts with: the kind and level
// that the template's text is folded within.
func keyPrefix(dst []byte, k model.Kind, l model.Level) []byte {
	return append(dst, byte(k), byte(l))
}

// lookup finds e's template without counting e.
func (t *templates) lookup(e *model.Entry) (int32, bool) {
	t.key = templateText(keyPrefix(t.key[:0], e.Kind, e.Level), e)
	id, ok := t.byKey[string(t.key)]
	return id, ok
}

// add counts e, whose template key is key (nil: made here), in its
// template and returns the template's id. When timed, ns is e's time in
// nanoseconds and b its bucket at width.
func (t *templates) add(e *model.Entry, key []byte, ns, b, width int64, timed bool) int32 {
	id := t.idOf(e, key)
	tp := t.get(id)
	tp.count++
	if timed {
		tp.buckets.add(b, width, 1)
		switch {
		case !tp.timed:
			tp.first, tp.last, tp.timed = ns, ns, true
		case ns < tp.first:
			tp.first = ns
		case ns > tp.last:
			tp.last = ns
		}
	}
	return id
}

// idOf returns the id of e's template, whose key is key (nil: made here),
// adding the template when it is new and the table has room.
func (t *templates) idOf(e *model.Entry, key []byte) int32 {
	var memo *foldedID
	if e.Template != "" && e.Kind == model.KindService {
		memo = &t.folded[foldedSlot(e.Template, e.Level)]
		if memo.template == e.Template && memo.kind == e.Kind && memo.level == e.Level {
			return memo.id
		}
	}
	if key == nil {
		key = templateText(keyPrefix(t.key[:0], e.Kind, e.Level), e)
		t.key = key
	}
	id, ok := t.byKey[string(key)]
	switch {
	case ok:
	case len(t.list) < t.max:
		id = int32(len(t.list))
		text := string(key[2:])
		q, exact := templateQuery(e, text)
		t.list = append(t.list, &template{text: text, query: q, exact: exact, kind: e.Kind, level: e.Level})
		t.byKey[string(key)] = id
	default:
		id = otherID
	}
	if memo != nil {
		*memo = foldedID{template: e.Template, kind: e.Kind, level: e.Level, id: id}
	}
	return id
}

// foldedSlot picks the slot of templates.folded for a template and a
// level by the template's address: a decoder, and the store, hand out one
// string per template, so a template's lines find their slot without its
// bytes being read. Only the choice of slot depends on the address, never
// a hit: idOf compares the bytes (a comparison of pointers when they are
// one string).
func foldedSlot(s string, l model.Level) int {
	h := uint64(uintptr(unsafe.Pointer(unsafe.StringData(s))))>>3 ^ uint64(l)<<59
	h *= 0x9E3779B97F4A7C15 // Fibonacci hashing: the high bits mix all of h
	return int(h >> (64 - foldedBits))
}

func (t *templates) get(id int32) *template {
	if id == otherID {
		return &t.other
	}
	return t.list[id]
}

// Template is one row of the templates table of a report.
type Template struct {
	// ID names the template to the Triage that reported it (a view
	// filtering or muting it asks by ID); -1 is the other row.
	ID int32 `json:"-"`
	// Key is what TemplateKey returns for the template's lines: a view
	// that mutes the template compares it with each line's.
	Key      string `json:"-"`
	Template string `json:"template"`
	// Query is the filter that narrows a view to the template's lines, or
	// to as few more as the query language allows; "" for the other row.
	Query string `json:"-"`
	// Exact says the query finds the template's lines and no other; when
	// false it may find lines of other templates that share its fixed parts.
	Exact   bool      `json:"-"`
	Kind    string    `json:"kind"`
	Level   string    `json:"level"`
	Count   int64     `json:"count"`
	First   time.Time `json:"first,omitzero"` // zero for a template of untimed entries only
	Last    time.Time `json:"last,omitzero"`
	Buckets []uint32  `json:"buckets"` // per histogram bucket
	Other   bool      `json:"other,omitempty"`
}

// report returns the n most frequent templates with their counts per
// bucket of the axis, then the other row when templates were turned away.
func (t *templates) report(n int, ax *axis) []Template {
	ids := make([]int32, len(t.list))
	for i := range ids {
		ids[i] = int32(i)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := t.list[ids[i]], t.list[ids[j]]
		if a.count != b.count {
			return a.count > b.count
		}
		return a.text < b.text
	})
	if len(ids) > n {
		ids = ids[:n]
	}
	if t.other.count > 0 {
		ids = append(ids, otherID)
	}
	out := make([]Template, 0, len(ids))
	for _, id := range ids {
		out = append(out, t.row(id, ax))
	}
	return out
}

// key is what TemplateKey returns for the template's lines.
func (tp *template) key() string { return string(keyPrefix(nil, tp.kind, tp.level)) + tp.text }

func (t *templates) row(id int32, ax *axis) Template {
	tp := t.get(id)
	r := Template{ID: id, Template: tp.text, Query: tp.query, Exact: tp.exact, Kind: tp.kind.String(), Level: tp.level.String(),
		Count: tp.count, Other: id == otherID}
	if tp.timed {
		r.First, r.Last = time.Unix(0, tp.first).UTC(), time.Unix(0, tp.last).UTC()
	}
	if id == otherID {
		r.Kind, r.Level = "", ""
	} else {
		r.Key = tp.key()
	}
	if ax.nonEmpty {
		r.Buckets = tp.buckets.at(ax.lo, ax.hi, ax.width)
	}
	return r
}
