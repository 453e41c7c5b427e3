package ui

import (
	"sync"

	"connlog/model"
	"connlog/model/triage"
)

// mutedTemplate is a template whose lines the table hides, with the count
// of lines it had in the view when it was muted.
type mutedTemplate struct {
	key, text, kind, level string
	count                  int64
}

// muteSet is the muted templates, in the order they were muted. It is a
// value: toggle returns a new set, so that a filter built over one set is
// never changed under the goroutines running it.
type muteSet struct {
	list []mutedTemplate
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
	out := muteSet{list: make([]mutedTemplate, 0, len(s.list)+1)}
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

// lines is how many lines the muted templates had when they were muted.
func (s muteSet) lines() int64 {
	var n int64
	for _, t := range s.list {
		n += t.count
	}
	return n
}

// mutedOf describes a report's template for the set.
func mutedOf(t triage.Template) mutedTemplate {
	return mutedTemplate{key: t.Key, text: t.Template, kind: t.Kind, level: t.Level, count: t.Count}
}

// keyBufs holds the scratch buffers of template keys: a filter runs on
// several goroutines at once.
var keyBufs = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// wrap makes f also reject the lines of the muted templates. A line's
// template is read from its raw bytes and fields, so the filter then loads
// entries in full.
func (s muteSet) wrap(f model.Filter) model.Filter {
	if len(s.list) == 0 {
		return f
	}
	keys := make(map[string]bool, len(s.list))
	for _, t := range s.list {
		keys[t.key] = true
	}
	match := f.Match
	f.Load = model.LoadFull
	f.Match = func(e *model.Entry) bool {
		if match != nil && !match(e) {
			return false
		}
		bp := keyBufs.Get().(*[]byte)
		*bp = triage.TemplateKey((*bp)[:0], e)
		muted := keys[string(*bp)]
		keyBufs.Put(bp)
		return !muted
	}
	return f
}

// plural counts n things: "1 line", "1,200 lines".
func plural(n int64, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return commas(n) + " " + thing + "s"
}
