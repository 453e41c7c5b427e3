package main

import (
	"fmt"
	"time"

	"connlog/model/triage"
	"connlog/ui/theme"
)

// changedSections lay "what changed" out: the two windows, then each list.
func changedSections(c triage.Changed, loc *time.Location) []section {
	head := section{title: "What changed",
		pre: []string{
			fmt.Sprintf("A: %s to %s%s", theme.Stamp(c.A.From, loc), theme.Stamp(c.A.To, loc), windowHolds(c.AEntries, c.BEntries, "gone")),
			fmt.Sprintf("B: %s to %s (the baseline)%s", theme.Stamp(c.B.From, loc), theme.Stamp(c.B.To, loc), windowHolds(c.BEntries, c.AEntries, "new")),
		}}
	if note := c.OutsideNote(); note != "" {
		head.pre = append(head.pre, note)
	}
	lists := []struct {
		title, note string
		cs          []triage.Change
	}{
		{"New in A", "templates and failure reasons seen in A and not in B", c.New},
		{"Gone in A", "seen in B and not in A", c.Gone},
		{"Rates that changed most", "in both windows (B's count as logged, its rate scaled to A's length for the score)", c.Rates},
		{"Started failing", "users and resources with failed or denied connections in A and none in B", c.Failing},
		{"New errors", "templates at error level or above new in A", c.Errors},
	}
	out := []section{head}
	for _, l := range lists {
		s := section{title: l.title, note: l.note, header: []string{"A", "B", "WHAT", "LEVEL", "TEMPLATE OR VALUE"}}
		for _, ch := range l.cs {
			s.rows = append(s.rows, []string{count(ch.A), count(ch.B), ch.What, ch.Level, ch.Template + ch.Value})
		}
		if len(s.rows) == 0 {
			s.note += ": none"
		}
		out = append(out, s)
	}
	return out
}

// windowHolds says how many entries a window holds; when it holds none
// while the other holds some, that everything of the other shows as new
// (or gone), so that the lists are not read as a change.
func windowHolds(n, other int64, otherShows string) string {
	switch {
	case n > 0:
		return ", " + count(n) + " entries"
	case other > 0:
		return ": no entries, so everything in the other window shows as " + otherShows
	}
	return ": no entries"
}
