package triageview

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/triage"
)

// Two service accounts whose names differ only near their end, and two
// resources that differ only after a long common start: cut at their end,
// each pair shows as one name.
const (
	teamA = "svc-deploy-automation-account.eu-west-1.team-a@corp.example.com"
	teamB = "svc-deploy-automation-account.eu-west-1.team-b@corp.example.com"
	dbOne = "payments-db-replica-01.eu-west-1.rds.corp.example.com"
	dbTwo = "payments-db-replica-02.eu-west-1.rds.corp.example.com"
)

// apartWidths are the widths an on-call engineer's terminal has.
var apartWidths = []int{80, 120}

// TestTopNTellsLongValuesApart: in the top-values view, two users (and two
// resources) that differ only past what a row shows each show a label of
// their own, and the value chosen is still the whole one.
func TestTopNTellsLongValuesApart(t *testing.T) {
	report := triage.Report{Entries: 100, Top: triage.Tops{
		Users:     []triage.Value{{Value: teamA, Count: 60, Share: 0.6}, {Value: teamB, Count: 40, Share: 0.4}},
		Resources: []triage.Value{{Value: dbOne, Count: 70, Share: 0.7}, {Value: dbTwo, Count: 30, Share: 0.3}},
	}}
	for _, w := range apartWidths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			v := NewTopNView(DefaultKeyMap(), styles())
			v.SetSize(w, 30)
			v = v.Start(newJob(3, nil)).SetReport(ResultMsg{Gen: 3, Report: report})
			out := ansi.Strip(v.View())
			labels := map[string]string{}
			for _, want := range []string{teamA, teamB, dbOne, dbTwo} {
				line := lineWith(out, map[string]string{teamA: " 60 ", teamB: " 40 ", dbOne: " 70 ", dbTwo: " 30 "}[want])
				label := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "▸"))[0]
				if other, ok := labels[label]; ok {
					t.Errorf("%q and %q both show as %q:\n%s", other, want, label, out)
				}
				labels[label] = want
			}
			v = updateTopN(v, "j", "enter")
			if _, _, val, _ := v.TakeChoice(); val.Value != teamB {
				t.Errorf("enter on the second user chose %q; want the whole %q", val.Value, teamB)
			}
		})
	}
}

// lineWith is the line of out that holds s.
func lineWith(out, s string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// TestSessionsTellLongValuesApart: in the sessions view, the USER and
// RESOURCE cells of different users and resources differ, at 80 and 120
// columns.
func TestSessionsTellLongValuesApart(t *testing.T) {
	rows := []triage.Session{
		{ID: "1", User: teamA, Resource: dbOne, Status: triage.StatusOpen, Start: start},
		{ID: "2", User: teamB, Resource: dbTwo, Status: triage.StatusOpen, Start: start.Add(time.Minute)},
		{ID: "3", User: teamA, Resource: dbTwo, Status: triage.StatusOpen, Start: start.Add(2 * time.Minute)},
	}
	for _, w := range apartWidths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			v := NewSessionsView(DefaultKeyMap(), styles())
			v.SetSize(w, 12)
			v = v.Start(newJob(4, nil), time.UTC).SetReport(ResultMsg{Gen: 4, Report: triage.Report{
				Sessions: triage.Sessions{Open: 3, Rows: rows}}})
			out := ansi.Strip(v.View())
			lines := strings.Split(out, "\n")
			head := -1
			for i, l := range lines {
				if strings.Contains(l, "USER") && strings.Contains(l, "RESOURCE") {
					head = i
				}
			}
			if head < 0 {
				t.Fatalf("no USER and RESOURCE heads:\n%s", out)
			}
			for _, col := range []struct {
				title string
				value func(s triage.Session) string
			}{
				{"USER", func(s triage.Session) string { return s.User }},
				{"RESOURCE", func(s triage.Session) string { return s.Resource }},
			} {
				cells := map[string]string{}
				for i, s := range rows {
					cell := column(lines[head], lines[head+1+i], col.title)
					if other, ok := cells[cell]; ok && other != col.value(s) {
						t.Errorf("%s: %q and %q both show as %q:\n%s", col.title, other, col.value(s), cell, out)
					}
					cells[cell] = col.value(s)
				}
			}
		})
	}
}

// column is the text of line under the head title, up to the next head
// (or the line's end).
func column(head, line, title string) string {
	h, l := []rune(head), []rune(line)
	from := len([]rune(head[:strings.Index(head, title)]))
	to := from + len([]rune(title))
	for to < len(h) && h[to] == ' ' {
		to++
	}
	return strings.TrimSpace(string(l[from:min(to, len(l))]))
}
