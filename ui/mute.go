package ui

import (
	"sync"

	"connlog/model"
	"connlog/model/triage"
)

// mutedTemplate is a template whose lines the table hides, with the count
// of lines it had in the view when it was muted (until the filter that
// hides them has counted them afresh: see muteTally).
type mutedTemplate struct {
	key, text, kind, level string
	count                  int64
}

// muteSet is the muted templates, in the order they were muted. It is a
// value: toggle returns a new set, so that a filter built over one set is
// never changed under the goroutines running it.
type muteSet struct {
	list []mutedTemplate
	// snapshot gives the store's snapshot, to load in full the lines a
	// muted template may hold while the others are judged on their index.
	snapshot func() *model.Snapshot
	// tally counts the lines the current filter hid; shared by the copies
	// of the set, replaced by each new filter.
	tally *muteTally
}

// has reports whether the template with key is muted.
func (s muteSet) has(key string) bool {
	for _, t := range s.list {
		if t.key == key {
			return true
		}
	}
	return false
}

// toggle mutes a template, or un-mutes it when it is muted.
func (s muteSet) toggle(t mutedTemplate) muteSet {
	out := muteSet{list: make([]mutedTemplate, 0, len(s.list)+1), snapshot: s.snapshot, tally: &muteTally{}}
	found := false
	for _, m := range s.list {
		if m.key == t.key {
			found = true
			continue
		}
		out.list = append(out.list, m)
	}
	if !found {
		out.list = append(out.list, t)
	}
	return out
}

// counts is how many lines each muted template hides from the view, in
// the order they were muted, first being the Seq of the store's oldest
// entry (lines evicted are hidden no more): as the current filter counted
// them, or, before it has counted any, as many as each had when it was
// muted.
func (s muteSet) counts(first int64) []int64 {
	if s.tally != nil {
		if c := s.tally.counts.Load(); c != nil && c.templates == len(s.list) && (c.any.Load() || s.tally.built.Load()) {
			return c.held(first)
		}
	}
	out := make([]int64, len(s.list))
	for i, t := range s.list {
		out[i] = t.count
	}
	return out
}

// forget drops the current filter's counts of the lines evicted before
// first (see hiddenCounts.forget).
func (s muteSet) forget(first int64) {
	if s.tally != nil {
		if c := s.tally.counts.Load(); c != nil {
			c.forget(first)
		}
	}
}

// counted marks the counts of the current filter whole: its view is built.
func (s muteSet) counted() {
	if s.tally != nil {
		s.tally.built.Store(true)
	}
}

// mutedOf describes a report's template for the set.
func mutedOf(t triage.Template) mutedTemplate {
	return mutedTemplate{key: t.Key, text: t.Template, kind: t.Kind, level: t.Level, count: t.Count}
}

// templates lists the muted templates as the templates view shows them,
// in the order they were muted, each with the lines it hides from the view
// (counts, as counts returned them): the inverse of mutedOf.
func (s muteSet) templates(counts []int64) []triage.Template {
	out := make([]triage.Template, len(s.list))
	for i, m := range s.list {
		out[i] = triage.Template{Key: m.key, Template: m.text, Kind: m.kind, Level: m.level}
		if i < len(counts) {
			out[i].Count = counts[i]
		}
	}
	return out
}

// keyBufs holds the scratch buffers of template keys: a filter runs on
// several goroutines at once.
var keyBufs = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// wrap makes f also reject the lines of the muted templates, counting
// them. A line's template is read from its raw bytes and fields: only the
// lines of a muted template's kind and level are loaded in full for it,
// the others keep the filter's own load.
func (s muteSet) wrap(f model.Filter) model.Filter {
	if len(s.list) == 0 {
		return f
	}
	keys := make(map[string]int, len(s.list))
	shapes := map[[2]string]bool{}
	for i, t := range s.list {
		keys[t.key] = i
		shapes[[2]string{t.kind, t.level}] = true
	}
	counts := newHiddenCounts(len(s.list))
	if s.tally != nil {
		s.tally.built.Store(false)
		s.tally.counts.Store(counts)
	}
	match, full := f.Match, s.fullLoader()
	f.Keys = nil // a template is made of fields the query may not read: load them all
	// A muted line fails however sure of it the query is, and its template
	// is read from its fields, or its payload.
	f.Sure, f.RawOnly, f.FieldsSuffice = nil, false, false
	// Every line is loaded as far as the muted templates' lines need (a
	// service line's payload): the view builder then reads them a span of
	// lines at a time, where a load of its own for each would be a read each.
	for _, t := range s.list {
		if k, ok := model.ParseKind(t.kind); ok && triage.PartTemplates.Load(k) == model.LoadTemplate {
			f.Load = withTemplates(f.Load)
		}
	}
	load := f.Load
	f.Match = func(e *model.Entry) bool {
		if match != nil && !match(e) {
			return false
		}
		if !shapes[[2]string{e.Kind.String(), e.Level.String()}] {
			return true
		}
		if need := triage.PartTemplates.Load(e.Kind); need > load {
			e = full(e, need)
		}
		bp := keyBufs.Get().(*[]byte)
		*bp = triage.TemplateKey((*bp)[:0], e)
		i, muted := keys[string(*bp)]
		keyBufs.Put(bp)
		if muted {
			counts.add(e.Seq, i)
		}
		return !muted
	}
	return f
}

// withTemplates returns a filter's load raised to read service lines'
// templates as well: the index holds most (LoadTemplate); a filter that
// reads raw bytes must keep them for every line, so it reads payloads.
func withTemplates(l model.Load) model.Load {
	switch l {
	case model.LoadIndex:
		return model.LoadTemplate
	case model.LoadRaw:
		return model.LoadPayload
	}
	return l // LoadTemplate and above read templates already
}

// fullLoader returns how the filter loads a line as far as its template
// needs (into a fresh entry: the filter's own is reused for the next
// line); a line that cannot be loaded is judged on what the filter loaded.
func (s muteSet) fullLoader() func(*model.Entry, model.Load) *model.Entry {
	if s.snapshot == nil {
		return func(e *model.Entry, _ model.Load) *model.Entry { return e }
	}
	return func(e *model.Entry, what model.Load) *model.Entry {
		var fe model.Entry
		if err := s.snapshot().Load(e.Seq, &fe, what); err != nil {
			return e
		}
		return &fe
	}
}

// plural counts n things: "1 line", "1,200 lines".
func plural(n int64, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return commas(n) + " " + thing + "s"
}
