package model

import (
	"sort"
	"time"
)

// Ledger counts known losses by reason: every gap entry the sources reported
// and every eviction the memory budget forced. Nothing is dropped without
// being counted here.
type Ledger struct {
	Events int64            // how many gap events
	ByKind map[string]int64 // reason -> lines or bytes lost, as the gap said
	Last   time.Time        // when the most recent loss happened
}

// GapEvictionReason is the ledger reason for entries dropped to stay within
// the memory budget.
const GapEvictionReason = "memory budget"

func (l *Ledger) add(reason string, n int64, at time.Time) {
	if l.ByKind == nil {
		l.ByKind = map[string]int64{}
	}
	if reason == "" {
		reason = "unknown"
	}
	l.Events++
	l.ByKind[reason] += n
	if at.After(l.Last) {
		l.Last = at
	}
}

func (l Ledger) clone() Ledger {
	c := l
	c.ByKind = make(map[string]int64, len(l.ByKind))
	for k, v := range l.ByKind {
		c.ByKind[k] = v
	}
	return c
}

// Reasons returns the reasons in a stable order.
func (l Ledger) Reasons() []string {
	out := make([]string, 0, len(l.ByKind))
	for k := range l.ByKind {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
