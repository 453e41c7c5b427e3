package changed

import (
	"strconv"

	"connlog/model/triage"
)

// section is one list of the view, in the order they are shown: what
// most often answers "what broke" first.
type section uint8

const (
	sectionErrors section = iota
	sectionFailing
	sectionNew
	sectionRates
	sectionGone
	sectionCount
)

// String is the section's heading.
func (s section) String() string {
	return [...]string{"new error messages", "started failing", "new templates and failure reasons",
		"rates that changed most", "gone templates and failure reasons"}[s]
}

// row is a line of the list: a section's heading (its change rows follow
// it) or one change.
type row struct {
	section section
	heading bool
	change  triage.Change
}

// rowsOf lays the sections out one under the other, leaving out the empty
// ones. A new template at error level is listed once, under the errors.
func rowsOf(c *triage.Changed) []row {
	lists := [sectionCount][]triage.Change{c.Errors, c.Failing, withoutErrors(c.New, c.Errors), c.Rates, c.Gone}
	var rows []row
	for s := section(0); s < sectionCount; s++ {
		if len(lists[s]) == 0 {
			continue
		}
		rows = append(rows, row{section: s, heading: true})
		for _, ch := range lists[s] {
			rows = append(rows, row{section: s, change: ch})
		}
	}
	return rows
}

// withoutErrors is the new list without the templates the errors list
// already names.
func withoutErrors(all, errs []triage.Change) []triage.Change {
	named := map[string]bool{}
	for _, e := range errs {
		named[e.What+"\x00"+e.Kind+"\x00"+e.Level+"\x00"+e.Template] = true
	}
	var out []triage.Change
	for _, c := range all {
		if !named[c.What+"\x00"+c.Kind+"\x00"+c.Level+"\x00"+c.Template] {
			out = append(out, c)
		}
	}
	return out
}

// text is what the row names: a template's text or a value.
func text(c *triage.Change) string {
	if c.What == "template" {
		return c.Template
	}
	return c.Value
}

// changeText says how the row changed: new, gone, failing, or the ratio of
// its rates (each window's count over its length), "×4.2" or "×0.25".
func changeText(s section, c *triage.Change, lenA, lenB float64) string {
	switch {
	case s == sectionFailing:
		return "failing"
	case c.B == 0:
		return "new"
	case c.A == 0:
		return "gone"
	case lenA <= 0 || lenB <= 0:
		return ""
	}
	return "×" + ratioText((float64(c.A)/lenA)/(float64(c.B)/lenB))
}

// ratioText shows a ratio with two or three significant figures and no
// exponent: 120, 4.2, 0.25.
func ratioText(r float64) string {
	switch {
	case r >= 10:
		return strconv.FormatFloat(r, 'f', 0, 64)
	case r >= 1:
		return strconv.FormatFloat(r, 'f', 1, 64)
	case r >= 0.01:
		return strconv.FormatFloat(r, 'f', 2, 64)
	}
	return "<0.01"
}
