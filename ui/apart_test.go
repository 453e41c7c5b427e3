package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// Two service accounts, two resources and two hosts, each pair alike up
// to past what a cell shows of them.
const (
	longUserA = "svc-deploy-automation-account.eu-west-1.team-a@corp.example.com"
	longUserB = "svc-deploy-automation-account.eu-west-1.team-b@corp.example.com"
	longResA  = "payments-db-replica-01.eu-west-1.rds.corp.example.com"
	longResB  = "payments-db-replica-02.eu-west-1.rds.corp.example.com"
	longHostA = "tg-connector-eu-west-1-payments-prod-01"
	longHostB = "tg-connector-eu-west-1-payments-prod-02"
)

// longNameEntries are connections of every pairing of the users,
// resources and hosts.
func longNameEntries() []model.Entry {
	var es []model.Entry
	for i, c := range [][3]string{
		{longUserA, longResA, longHostA}, {longUserB, longResB, longHostB},
		{longUserA, longResB, longHostB}, {longUserB, longResA, longHostA},
	} {
		e := analytics(i*1000, model.EventEstablished, fmt.Sprintf("c%d", i), c[0], "", 0, 0, 0)
		for k := range e.Fields {
			if e.Fields[k].Key == model.KeyResourceAddr {
				e.Fields[k].Value = c[1]
			}
		}
		es = append(es, onHost(e, c[2]))
	}
	return es
}

// TestConnectionsTellLongValuesApart: on the Connections tab, the USER,
// RESOURCE and HOST cells of different values differ, at 80 and 120
// columns.
func TestConnectionsTellLongValuesApart(t *testing.T) {
	es := longNameEntries()
	for _, w := range []int{80, 120} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			st, _ := newFixtureStore(t, es)
			m := withStyles(New(testConfig(), st, nil), unstyled(theme.Default()))
			m = drive(t, m, tea.WindowSizeMsg{Width: w, Height: 20})
			m = runCmd(t, m, m.initCmd)
			m = drive(t, m, keys("2")...)
			s := screen(m)
			lines := strings.Split(s, "\n")
			head := -1
			for i, l := range lines {
				if strings.Contains(l, " USER ") {
					head = i
					break
				}
			}
			if head < 0 {
				t.Fatalf("no USER column:\n%s", s)
			}
			checked := 0
			for _, col := range []struct {
				title string
				value func(i int) string
			}{
				{"USER", func(i int) string { return es[i].Fields.Value(model.KeyUserEmail) }},
				{"RESOURCE", func(i int) string { return es[i].Fields.Value(model.KeyResourceAddr) }},
				{"HOST", func(i int) string { return es[i].Origin.Host }},
			} {
				if !strings.Contains(lines[head], " "+col.title+" ") {
					continue
				}
				checked++
				cells := map[string]string{}
				for i := range es {
					cell := columnCell(lines[head], lines[head+1+i], col.title)
					if other, ok := cells[cell]; ok && other != col.value(i) {
						t.Errorf("%s: %q and %q both show as %q:\n%s", col.title, other, col.value(i), cell, s)
					}
					cells[cell] = col.value(i)
				}
			}
			if checked < 2 {
				t.Errorf("%d of USER, RESOURCE, HOST shown; want 2 at least:\n%s", checked, s)
			}
		})
	}
}

// columnCell is the text of line under the head title, up to the next
// head (or the line's end).
func columnCell(head, line, title string) string {
	h, l := []rune(head), []rune(line)
	from := len([]rune(head[:strings.Index(head, " "+title+" ")+1]))
	to := from + len([]rune(title))
	for to < len(h) && h[to] == ' ' {
		to++
	}
	return strings.TrimSpace(string(l[min(from, len(l)):min(to, len(l))]))
}
