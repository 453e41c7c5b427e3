package triage

import (
	"math"
	"sort"

	"connlog/model"
)

// Change is one line of "what changed": a template or a value, with its
// count in each window.
type Change struct {
	// What is "template", "failure", "user" or "resource".
	What     string `json:"what"`
	Template string `json:"template,omitempty"`
	Query    string `json:"-"` // a template's filter (Template.Query)
	Exact    bool   `json:"-"` // Template.Exact
	Key      string `json:"-"` // Template.Key
	Value    string `json:"value,omitempty"`
	// Truncated is true when Value is a value longer than maxValueLen
	// bytes, shown as its start and end around "…"; it was counted whole.
	Truncated bool   `json:"truncated,omitempty"`
	Kind      string `json:"kind,omitempty"`  // a template's kind
	Level     string `json:"level,omitempty"` // a template's level
	A         int64  `json:"a"`               // count in window A
	B         int64  `json:"b"`               // count in window B
	// Score ranks rate changes: the difference of the counts (B's scaled to
	// A's length) over its Poisson spread, so 0 -> 50 outranks
	// 10,000 -> 10,500.
	Score float64 `json:"score"`
}

// Changed is "what changed" between window A and window B.
type Changed struct {
	A Window `json:"a"`
	B Window `json:"b"`
	// AEntries and BEntries count the entries each window holds: a window
	// with none makes everything of the other new, or gone.
	AEntries int64 `json:"a_entries"`
	BEntries int64 `json:"b_entries"`
	// Outside counts the entries with a time that fall in neither window
	// (older than B, for trailing windows over data longer than both), so
	// that a comparison of part of the data says so.
	Outside int64 `json:"outside"`
	// New and Gone are templates and failure reasons seen in one window
	// and not the other; Rates those in both whose rate changed most.
	New   []Change `json:"new"`
	Gone  []Change `json:"gone"`
	Rates []Change `json:"rates"`
	// Failing are users and resources that failed (or were denied) in A
	// and not in B; Errors the templates at error level or above new in A.
	Failing []Change `json:"failing"`
	Errors  []Change `json:"errors"`
}

// changed compares the windows and keeps the n most telling lines of each
// list.
func (c *comparer) changed(n int, tp *templates) Changed {
	wa, wb, a, b := c.windows()
	out := Changed{A: Window{utc(wa.From), utc(wa.To)}, B: Window{utc(wb.From), utc(wb.To)}, AEntries: a.entries, BEntries: b.entries,
		Outside: c.seen - a.entries - b.entries}
	scale := 1.0
	if wb.Length() > 0 {
		scale = float64(wa.Length()) / float64(wb.Length())
	}
	var rows []Change
	for id := range union(a.templates, b.templates) {
		t := tp.get(id)
		rows = append(rows, Change{What: "template", Template: t.text, Query: t.query, Exact: t.exact, Key: t.key(), Kind: t.kind.String(), Level: t.level.String(),
			A: a.templates[id], B: b.templates[id]})
		if id == otherID {
			rows[len(rows)-1].Template, rows[len(rows)-1].Query, rows[len(rows)-1].Key, rows[len(rows)-1].Kind, rows[len(rows)-1].Level = Other, "", "", "", ""
		}
	}
	for v := range union(a.failures, b.failures) {
		rows = append(rows, valueChange("failure", v, a.failures[v], b.failures[v]))
	}
	for i := range rows {
		rows[i].Score = score(rows[i].A, rows[i].B, scale)
	}
	out.New, out.Gone, out.Rates, out.Errors = []Change{}, []Change{}, []Change{}, []Change{}
	for _, r := range rows {
		switch {
		case r.B == 0:
			out.New = append(out.New, r)
			if r.What == "template" && errorLevel(r.Level) {
				out.Errors = append(out.Errors, r)
			}
		case r.A == 0:
			out.Gone = append(out.Gone, r)
		case math.Abs(r.Score) >= minRateScore && notableRatio(r.A, r.B, scale):
			out.Rates = append(out.Rates, r)
		}
	}
	out.Failing = failing(a, b, scale)
	for _, l := range []*[]Change{&out.New, &out.Gone, &out.Rates, &out.Failing, &out.Errors} {
		*l = topChanges(*l, n)
	}
	return out
}

// minRateScore is the smallest score a rate change needs to be listed:
// about two standard deviations.
const minRateScore = 2

// minRateRatio is the least factor by which a rate must rise or fall to be
// listed. Over thousands of lines a rise of 15% is statistically certain
// yet says nothing (the whole stream grew by as much): on a busy connector
// it would push every template of the debug stream up the list.
const minRateRatio = 1.5

// notableRatio reports whether a, against b scaled to A's length, rose or
// fell by minRateRatio at least.
func notableRatio(a, b int64, scale float64) bool {
	fa, fb := float64(a), float64(b)*scale
	return fa >= fb*minRateRatio || fb >= fa*minRateRatio
}

// failing lists the users and resources that failed in A and not in B.
func failing(a, b *tally, scale float64) []Change {
	out := []Change{}
	for _, p := range []struct {
		what   string
		ma, mb map[string]int64
	}{{"user", a.users, b.users}, {"resource", a.resources, b.resources}} {
		for v, k := range p.ma {
			if p.mb[v] == 0 {
				c := valueChange(p.what, v, k, 0)
				c.Score = score(k, 0, scale)
				out = append(out, c)
			}
		}
	}
	return out
}

// valueChange is the change of a value counted under key (see countKey).
func valueChange(what, key string, a, b int64) Change {
	shown, cut := shownOf(key)
	return Change{What: what, Value: shown, Truncated: cut, A: a, B: b}
}

// score is (a - b·scale) / sqrt(a + b·scale): positive when A has more.
func score(a, b int64, scale float64) float64 {
	bs := float64(b) * scale
	d := float64(a) - bs
	if d == 0 {
		return 0
	}
	return d / math.Sqrt(float64(a)+bs)
}

// topChanges sorts by the size of the change, largest first, and keeps n.
func topChanges(cs []Change, n int) []Change {
	sort.Slice(cs, func(i, j int) bool {
		si, sj := math.Abs(cs[i].Score), math.Abs(cs[j].Score)
		if si != sj {
			return si > sj
		}
		return cs[i].Template+cs[i].Value < cs[j].Template+cs[j].Value
	})
	if len(cs) > n {
		cs = cs[:n]
	}
	return cs
}

func errorLevel(name string) bool {
	l, _ := model.ParseLevel(name)
	return l >= model.LevelError
}

// union returns the keys of both maps.
func union[K comparable](a, b map[K]int64) map[K]struct{} {
	out := make(map[K]struct{}, len(a)+len(b))
	for k := range a {
		out[k] = struct{}{}
	}
	for k := range b {
		out[k] = struct{}{}
	}
	return out
}
