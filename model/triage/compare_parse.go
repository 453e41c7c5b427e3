package triage

import (
	"fmt"
	"strings"
	"time"

	"connlog/model/query"
)

// compareHint is what a rejected comparison says it accepts.
const compareHint = "use previous, FROM..TO or FROM..TO,FROM..TO, with times as since: or --since takes them"

// ParseCompare reads the two windows "what changed" compares, as
// `connlog summary --compare` and the interface's prompt take them:
// "previous" (the last 15 minutes of the data against the 15 before, or
// its newer half against its older when it spans less than both),
// "previous:DUR", "FROM..TO" (against the same length just before it) or
// "FROM..TO,FROM..TO" (the second is the baseline), each end in the forms
// since: takes. Its errors quote the text and say what is accepted.
func ParseCompare(text string, opt query.Options) (*Compare, error) {
	text = strings.TrimSpace(text)
	switch {
	case text == "previous":
		return &Compare{Trailing: DefaultTrailing, Fit: true}, nil
	case strings.HasPrefix(text, "previous:"):
		d, err := time.ParseDuration(strings.TrimPrefix(text, "previous:"))
		// Whole seconds: the windows' edges then fall on whole seconds,
		// where the engine's finest slots do.
		if err != nil || d < time.Second || d%time.Second != 0 {
			return nil, fmt.Errorf("%q: the window after previous: is a duration of a second or more, in whole seconds, e.g. previous:30m (%s)", text, compareHint)
		}
		return &Compare{Trailing: d}, nil
	}
	a, b, hasB := strings.Cut(text, ",")
	c := &Compare{}
	var err error
	if c.A, err = ParseWindow(a, opt); err != nil {
		return nil, err
	}
	if hasB {
		if c.B, err = ParseWindow(b, opt); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// ParseWindow reads one window, FROM..TO, each end in the forms since:
// takes.
func ParseWindow(text string, opt query.Options) (Window, error) {
	from, to, ok := strings.Cut(text, "..")
	bad := func(why string) (Window, error) {
		return Window{}, fmt.Errorf("%q: %s (%s)", strings.TrimSpace(text), why, compareHint)
	}
	if !ok {
		return bad("no .. between the two ends")
	}
	var w Window
	var err error
	if w.From, err = query.ParseTime(strings.TrimSpace(from), opt); err != nil {
		return bad(err.Error())
	}
	if w.To, err = query.ParseTime(strings.TrimSpace(to), opt); err != nil {
		return bad(err.Error())
	}
	if !w.To.After(w.From) {
		return bad("the window ends before it starts: write the earlier time first")
	}
	return w, nil
}

// CompareNeedsDay reports whether a FROM..TO window has an end written
// without a date, which falls on the day of the data (see query.NeedsDay).
func CompareNeedsDay(text string) bool {
	for _, w := range strings.Split(text, ",") {
		from, to, _ := strings.Cut(w, "..")
		if query.NeedsDay(strings.TrimSpace(from)) || query.NeedsDay(strings.TrimSpace(to)) {
			return true
		}
	}
	return false
}
