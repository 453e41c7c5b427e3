package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Ledger counts known losses by reason: every gap entry the sources reported
// and every eviction the memory budget forced. Nothing is dropped without
// being counted here.
type Ledger struct {
	Events  int64            // how many gap events
	ByKind  map[string]int64 // reason -> lines or bytes lost, as the gap said (GapUnit tells which)
	Unknown int64            // gap events that could not say how much was lost
	Last    time.Time        // when the most recent loss happened
}

// UnreadableGap is the gap entry that stands in an export for entry e,
// whose raw bytes could not be read back (err says why): the line is not
// written blank, and a query for kind:gap finds what is missing.
func UnreadableGap(e *Entry, err error) *Entry {
	return &Entry{Seq: e.Seq, Time: e.Time, Kind: KindGap, Level: LevelWarn, Source: e.Source, Origin: e.Origin,
		Fields: Fields{Str(KeyGapReason, GapUnreadableReason), Int(KeyGapCount, 1),
			Str(KeyMessage, fmt.Sprintf("a %s line could not be read back from its file: %v", e.Kind, err))}}
}

// Gap units, as GapUnit returns them.
const (
	GapLines = "lines" // lines, entries or journald messages
	GapBytes = "bytes"
)

// GapUnit says what a gap's count counts, from its reason: whole lines
// (evictions, journald's suppressed messages) or bytes (a cut line, a
// truncated or rotated file), "" when the reason does not say.
func GapUnit(reason string) string {
	switch causeOf(reason).noun {
	case "lines", "entries", "messages":
		return GapLines
	case "bytes":
		return GapBytes
	}
	return ""
}

// Add counts one gap of n lines or bytes (GapUnit(reason) says which; 0
// when unknown) that happened at at.
func (l *Ledger) Add(reason string, n int64, at time.Time) {
	if l.ByKind == nil {
		l.ByKind = map[string]int64{}
	}
	if reason == "" {
		reason = "unknown"
	}
	if _, ok := l.ByKind[reason]; !ok {
		reason = strings.Clone(reason) // the map keeps it: it may lie in a line's bytes
	}
	l.Events++
	l.ByKind[reason] += max(n, 0)
	if n <= 0 {
		l.Unknown++
	}
	if at.After(l.Last) {
		l.Last = at
	}
}

// AddGap counts the gap entry e (its reason and count, as its fields say);
// an entry of another kind is not counted.
func (l *Ledger) AddGap(e *Entry) {
	if e.Kind != KindGap {
		return
	}
	n, _ := e.Fields.Num(KeyGapCount)
	l.Add(e.Fields.Value(KeyGapReason), int64(n), e.Time)
}

func (l *Ledger) add(reason string, n int64, at time.Time) { l.Add(reason, n, at) }

// grow counts n more lines or bytes of a gap already counted (the one
// gap the memory budget keeps, whose count grows): no new event.
func (l *Ledger) grow(reason string, n int64, at time.Time) {
	l.ByKind[reason] += max(n, 0)
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

// Lines is how many whole lines the gaps lost, as far as they said.
func (l Ledger) Lines() int64 { return l.sum(GapLines) }

// Bytes is how many bytes the gaps that count bytes lost.
func (l Ledger) Bytes() int64 { return l.sum(GapBytes) }

func (l Ledger) sum(unit string) int64 {
	var n int64
	for reason, v := range l.ByKind {
		if GapUnit(reason) == unit {
			n += v
		}
	}
	return n
}

// Summary says in one line what was lost: "3 gaps: 11000 lines, 19922944
// bytes, 1 of unknown size (line too long, truncated)"; "" when nothing was.
func (l Ledger) Summary() string {
	if l.Events == 0 {
		return ""
	}
	var parts []string
	if n := l.Lines(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d lines", n))
	}
	if n := l.Bytes(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d bytes", n))
	}
	for _, reason := range l.Reasons() {
		if GapUnit(reason) == "" && l.ByKind[reason] > 0 {
			parts = append(parts, fmt.Sprintf("%d lines or bytes", l.ByKind[reason]))
		}
	}
	if l.Unknown > 0 {
		parts = append(parts, fmt.Sprintf("%d of unknown size", l.Unknown))
	}
	plural := "s"
	if l.Events == 1 {
		plural = ""
	}
	return fmt.Sprintf("%d gap%s: %s (%s)", l.Events, plural, strings.Join(parts, ", "), strings.Join(l.Reasons(), ", "))
}
