package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"connlog/model/query"
	"connlog/model/triage"
	"connlog/ui/theme"
)

// section is one part of a text or markdown summary: a title, a line of
// explanation, then either preformatted lines or a table. Cells hold log
// content as it is; the renderers make it inert.
type section struct {
	title  string
	note   string
	pre    []string
	header []string
	rows   [][]string
}

// summarySections lays a report out as the sections both renderers print.
func summarySections(r summaryReport, cfg Config, loc *time.Location) []section {
	out := []section{overview(r, cfg, loc)}
	if len(r.Histogram) > 0 {
		out = append(out, timelineSection(r.Report, loc))
	}
	out = append(out, templatesSection(r.Report, loc))
	top := []struct {
		title string
		vs    []triage.Value
	}{{"Users", r.Top.Users}, {"Resources", r.Top.Resources}, {"Client IPs", r.Top.IPs},
		{"Countries", r.Top.Countries}, {"Failure reasons", r.Top.Failures}, {"Denied accesses", r.Top.Denied}}
	for _, t := range top {
		if len(t.vs) > 0 {
			out = append(out, valuesSection(t.title, t.vs))
		}
	}
	if len(r.Top.Modules) > 0 {
		out = append(out, modulesSection(r.Top.Modules))
	}
	out = append(out, sessionsSection(r.Sessions, loc))
	if r.Changed != nil {
		out = append(out, changedSections(*r.Changed, loc)...)
	}
	return out
}

func overview(r summaryReport, cfg Config, loc *time.Location) section {
	s := section{title: "Summary"}
	s.pre = append(s.pre, theme.Plural(r.Entries, "entry"))
	if r.Loss.text != "" {
		s.pre = append(s.pre, "lost: "+r.Loss.text+"; query kind:gap to see them")
	}
	if !r.From.IsZero() {
		s.pre = append(s.pre, strings.Join(theme.SpanPhrases(r.From, r.To, loc), " "))
	}
	if cfg.Query != "" {
		s.pre = append(s.pre, "query: "+cfg.Query)
	}
	if r.Untimed > 0 {
		s.pre = append(s.pre, theme.Plural(r.Untimed, "entry")+" without a usable time (left out of the timeline)")
	}
	return s
}

// templatesSection lists the templates; the kind is left to the JSON (the
// template says it: "ANALYTICS …", "[module] …") so that a terminal line
// keeps room for the template itself.
func templatesSection(r triage.Report, loc *time.Location) section {
	s := section{title: "Templates", note: fmt.Sprintf("%d distinct, most frequent first", r.TemplateCount),
		header: []string{"COUNT", "LEVEL", "FIRST", "LAST", "TEMPLATE"}}
	layout := clockLayout(r.From, r.To, loc)
	for _, t := range r.Templates {
		s.rows = append(s.rows, []string{count(t.Count), t.Level, clock(t.First, loc, layout), clock(t.Last, loc, layout), t.Template})
	}
	return s
}

func valuesSection(title string, vs []triage.Value) section {
	s := section{title: title, header: []string{"COUNT", "SHARE", "VALUE"}}
	for _, v := range vs {
		s.rows = append(s.rows, []string{count(v.Count), percent(v.Share), v.Value})
	}
	return s
}

func modulesSection(ms []triage.ModuleValue) section {
	s := section{title: "Modules by errors and warnings", header: []string{"COUNT", "ERRORS", "SHARE", "MODULE"}}
	for _, m := range ms {
		s.rows = append(s.rows, []string{count(m.Count), count(m.Errors), percent(m.Share), m.Value.Value})
	}
	return s
}

func sessionsSection(ss triage.Sessions, loc *time.Location) section {
	s := section{title: "Connections",
		note: fmt.Sprintf("%s closed, %s failed, %s open, %s with an unknown end", count(ss.Closed), count(ss.Failed),
			count(ss.Open), count(ss.UnknownEnd)),
		header: []string{"START", "END", "USER", "RESOURCE", "CLIENT", "STATUS", "REASON"}}
	if ss.Dropped > 0 {
		s.note += fmt.Sprintf(" (%s more not kept as rows)", count(ss.Dropped))
	}
	if len(ss.Rows) > 0 {
		s.note += "; the latest failures, by their end:"
	}
	for _, r := range ss.Rows {
		s.rows = append(s.rows, []string{theme.Stamp(r.Start, loc), endStamp(r.Start, r.End, loc), r.User, r.Resource, r.Client, r.Status.String(), r.Reason})
	}
	return s
}

func count(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func percent(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" }

// endStamp writes a connection's end, what the latest failures are sorted
// by: its time of day when it fell on its start's day, else in full.
func endStamp(start, end time.Time, loc *time.Location) string {
	if !start.IsZero() && !end.IsZero() && start.In(loc).Format(time.DateOnly) == end.In(loc).Format(time.DateOnly) {
		return end.In(loc).Format(clockOfDay)
	}
	return theme.Stamp(end, loc)
}

// Layouts of the summary's times: the time of day, with its date, with
// its year too.
const (
	clockOfDay  = "15:04:05"
	clockDated  = "01-02 " + clockOfDay
	clockOfYear = "2006-" + clockDated
)

// clockLayout is how the times of data from..to are written (see
// query.Reach): the time of day, with the date, or with the year too.
func clockLayout(from, to time.Time, loc *time.Location) string {
	return [...]string{query.OneDay: clockOfDay, query.OneYear: clockDated, query.Years: clockOfYear}[query.ReachOf(from, to, loc)]
}

// clock writes t in layout, "-" for no time.
func clock(t time.Time, loc *time.Location, layout string) string {
	if t.IsZero() {
		return "-"
	}
	return t.In(loc).Format(layout)
}
