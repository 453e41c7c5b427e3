package triage

import "strings"

// tally is what one stretch of time held, for comparing windows: entries
// per template, failures per reason, and the users and resources that
// failed. Distinct values past the cap are counted as other.
type tally struct {
	entries   int64
	templates map[int32]int64
	failures  map[string]int64
	users     map[string]int64 // users with failed or denied connections
	resources map[string]int64 // resources that failed or were denied
	other     int64
	max       int
}

func newTally(max int) *tally {
	return &tally{templates: map[int32]int64{}, failures: map[string]int64{},
		users: map[string]int64{}, resources: map[string]int64{}, max: max}
}

func (t *tally) add(id int32, f *facts, reason string) {
	t.entries++
	t.templates[id]++
	if !f.failed && !f.denied {
		return
	}
	if f.failed {
		t.count(t.failures, reason)
	}
	t.count(t.users, f.user)
	t.count(t.resources, f.resource)
}

func (t *tally) count(m map[string]int64, v string) {
	if v == "" {
		return
	}
	v = countKey(v, "") // long values told apart, and cut when shown
	if _, ok := m[v]; ok {
		// An assignment stores its key anew, and v may alias a decoder's
		// buffer: the key assigned is a copy.
		m[strings.Clone(v)]++
		return
	}
	if len(m) >= t.max {
		t.other++
		return
	}
	m[strings.Clone(v)] = 1
}

// merge adds u's counts to t (summing the slots of a window).
func (t *tally) merge(u *tally) {
	for k, v := range u.templates {
		t.templates[k] += v
	}
	for _, p := range [][2]map[string]int64{{t.failures, u.failures}, {t.users, u.users}, {t.resources, u.resources}} {
		for k, v := range p[1] {
			p[0][k] += v
		}
	}
	t.other += u.other
	t.entries += u.entries
}
