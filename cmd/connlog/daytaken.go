package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"connlog/model/query"
)

// Where a time written without a date fell is decided by the data (see
// referenceDay), not written anywhere an export shows: `--since 23:00` on
// a log past midnight is the evening before, and a pipe's day is that of
// its first lines. An export names it, once, on stderr, when it was a
// choice: an input of several days, or standard input, whose later days
// are not known when the day is fixed. An input of one day, or this
// machine's journal (today, as journalctl takes it), says nothing.

// sayDayTaken names on w where the selection's times written without a
// date fell on the day d, when that was a choice; on standard input, once
// its first lines fixed the day (see Settle).
func (s *selection) sayDayTaken(d dataDay, w io.Writer) {
	loc := s.location()
	switch {
	case d.rule == dayFirst:
		s.dayNotes, s.stream = w, d.stream
	case d.rule == dayToday, !d.first.IsZero() && query.SameDay(d.first, d.last, loc):
	default:
		s.writeDayTaken(w, "the data")
	}
}

// writeDayTaken writes the note: "connlog: --since 23:00 is 2026-12-05
// 23:00 (the day of the data)", whose being what fixed the day.
func (s *selection) writeDayTaken(w io.Writer, whose string) {
	loc := s.location()
	var said []string
	var days []time.Time
	add := func(term string, at time.Time) {
		said = append(said, term+" is "+query.DayTimeText(at, loc))
		days = append(days, at)
	}
	if query.NeedsDay(s.sinceText) {
		add("--since "+strings.TrimSpace(s.sinceText), s.flagSince)
	}
	if query.NeedsDay(s.untilText) {
		add("--until "+strings.TrimSpace(s.untilText), s.flagUntil)
	}
	for _, d := range s.q.DatelessTimes() {
		add(d.Term, d.At)
	}
	if len(said) == 0 {
		return
	}
	day := "the day of "
	for _, d := range days[1:] {
		if !query.SameDay(d, days[0], loc) {
			day = "the days of "
		}
	}
	fmt.Fprintf(w, "connlog: %s (%s%s)\n", strings.Join(said, ", "), day, whose)
}

// location is the zone the selection reads and names times in.
func (s *selection) location() *time.Location {
	if s.opt.Location == nil {
		return time.Local
	}
	return s.opt.Location
}
