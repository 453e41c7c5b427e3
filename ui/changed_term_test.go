package ui

import (
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
	"connlog/model/triage"
)

// TestChangedRowPivotsOntoTheRowsItCounts: enter on a row of the
// what-changed view filters to the rows the row counts: a user or a
// resource that started failing to its failures and denials in the window
// now, a template whose filter is exact to its lines in the windows it
// counts them in. Checked for every such row of a generated log with
// trouble, halves compared.
func TestChangedRowPivotsOntoTheRowsItCounts(t *testing.T) {
	es := generatedEntries(t, 12000)
	lo, hi := es[0].Time, es[0].Time
	for i := range es {
		lo, hi = minTime(lo, es[i].Time), maxTime(hi, es[i].Time)
	}
	mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
	a := triage.Window{From: mid, To: hi.Add(time.Second)}
	b := triage.Window{From: mid.Add(-a.Length()), To: mid}
	tr := triage.New(triage.Options{Compare: &triage.Compare{A: a, B: b}, Parts: triage.PartChanged})
	tr.Add(append([]model.Entry(nil), es...))
	ch := tr.Report(triage.ReportOptions{Top: 1000}).Changed
	checked := map[string]int{}
	for _, list := range [][]triage.Change{ch.New, ch.Gone, ch.Rates, ch.Failing, ch.Errors} {
		for _, c := range list {
			if c.What == "failure" || c.What == "template" && (!c.Exact || c.Template == triage.Other) {
				continue
			}
			term, _ := changeTerm(c, a, b, time.UTC)
			q, err := query.Compile(term, query.Options{Location: time.UTC})
			if err != nil {
				t.Fatalf("%s %q: %q does not compile: %v", c.What, c.Value+c.Template, term, err)
			}
			shown := int64(0)
			for i := range es {
				if q.Match(&es[i]) {
					shown++
				}
			}
			if shown != c.A+c.B {
				t.Errorf("%s %q (now %d, before %d): the pivot %q shows %d rows", c.What, c.Value+c.Template, c.A, c.B, term, shown)
			}
			checked[c.What]++
		}
	}
	if checked["user"] == 0 || checked["resource"] == 0 || checked["template"] < 3 {
		t.Errorf("rows checked: %v; want users, resources and templates", checked)
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
