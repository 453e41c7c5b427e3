package triageview

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/triage"
)

func templatesReport() triage.Report {
	return triage.Report{Entries: 90, TemplateCount: 3, Templates: []triage.Template{
		{Key: "k1", Template: "keepalive seq=<num>", Kind: "service", Level: "debug", Count: 50, First: start, Last: start.Add(3600e9)},
		{Key: "k2", Template: hostile + " <ip>", Kind: "service", Level: "error", Count: 30, First: start},
		{Key: "k3", Template: "State: Online", Kind: "service", Level: "info", Count: 10},
	}}
}

func shownTemplates(t *testing.T, w, h int, muted []triage.Template) TemplatesView {
	t.Helper()
	v := NewTemplatesView(DefaultKeyMap(), styles())
	v.SetSize(w, h)
	return v.Start(newJob(4, nil), start.Location()).SetReport(ResultMsg{Gen: 4, Report: templatesReport()}, muted)
}

func updateTemplates(v TemplatesView, keys ...string) TemplatesView {
	for _, k := range press(keys...) {
		v, _ = v.Update(k)
	}
	return v
}

// TestMutedComeFirst: the muted templates lead the list, with the count
// they had, and leave the report's rows.
func TestMutedComeFirst(t *testing.T) {
	muted := []triage.Template{{Key: "k3", Template: "State: Online", Kind: "service", Level: "info", Count: 12}}
	rows := shownTemplates(t, 100, 20, muted).Rows()
	var got []string
	for _, r := range rows {
		got = append(got, r.Template.Key+map[bool]string{true: " muted"}[r.Muted])
	}
	if strings.Join(got, ",") != "k3 muted,k1,k2" {
		t.Errorf("rows %v; want the muted k3 first, then k1, k2", got)
	}
	v := shownTemplates(t, 100, 20, muted).SetMutes(nil)
	if n := len(v.Rows()); n != 3 || v.Rows()[0].Muted {
		t.Errorf("after un-muting: %d rows, first muted %v", n, v.Rows()[0].Muted)
	}
	if out := ansi.Strip(shownTemplates(t, 100, 20, muted).View()); !strings.Contains(out, "▸M       (12) info") {
		t.Errorf("the muted row is not marked with its count:\n%s", out)
	}
}

// TestTemplatesActions: enter chooses the row under the cursor, the mute
// key toggles it; each is taken once.
func TestTemplatesActions(t *testing.T) {
	v := updateTemplates(shownTemplates(t, 100, 20, nil), "j", "enter")
	v, chosen, toggled := v.TakeAction()
	if chosen == nil || chosen.Template.Key != "k2" || toggled != nil {
		t.Fatalf("j, enter: chosen %+v, toggled %+v; want k2 chosen", chosen, toggled)
	}
	v = updateTemplates(v, "G", "m")
	v, chosen, toggled = v.TakeAction()
	if chosen != nil || toggled == nil || toggled.Template.Key != "k3" {
		t.Fatalf("G, m: chosen %+v, toggled %+v; want k3 toggled", chosen, toggled)
	}
	if _, chosen, toggled = v.TakeAction(); chosen != nil || toggled != nil {
		t.Error("the action is taken twice")
	}
}

func TestTemplatesFitAndStayInert(t *testing.T) {
	for _, sz := range sizes {
		v := updateTemplates(shownTemplates(t, sz[0], sz[1], nil), "j")
		checkScreen(t, v.View(), sz[0], sz[1])
	}
	out := ansi.Strip(shownTemplates(t, 120, 10, nil).View())
	for _, want := range []string{"templates of the view · 90 entries in 3 templates", "COUNT LEVEL", "▸", "08:00:00 09:00:00"} {
		if !strings.Contains(out, want) {
			t.Errorf("the view lacks %q:\n%s", want, out)
		}
	}
}

// TestTemplatesNarrowGiveTheTemplateRoom: below 100 columns the first and
// last times make room for the template, and the title says so; at 80 the
// template has 44 columns.
func TestTemplatesNarrowGiveTheTemplateRoom(t *testing.T) {
	long := "listen::maintain_relay_connectivity: relay <ip>:<port> is available"
	rep := templatesReport()
	rep.Templates[0].Template = long
	v := NewTemplatesView(DefaultKeyMap(), styles())
	v.SetSize(80, 10)
	v = v.Start(newJob(4, nil), start.Location()).SetReport(ResultMsg{Gen: 4, Report: rep}, nil)
	out := ansi.Strip(v.View())
	checkScreen(t, v.View(), 80, 10)
	if strings.Contains(out, "FIRST") || !strings.Contains(out, "widen for times") {
		t.Errorf("at 80 columns the times are shown, or their hiding is not said:\n%s", out)
	}
	if !strings.Contains(out, long[:43]+"…") {
		t.Errorf("at 80 columns the template is cut before 44 columns:\n%s", out)
	}
	v.SetSize(100, 10)
	if out := ansi.Strip(v.View()); !strings.Contains(out, "FIRST") || strings.Contains(out, "widen for times") {
		t.Errorf("at 100 columns the times are not shown:\n%s", out)
	}
}

// TestTemplatesDateTimesOfANight: templates whose times cross midnight
// show them with their dates (22:51 and 00:29 alone read as one day's);
// those of one day show the time of day alone.
func TestTemplatesDateTimesOfANight(t *testing.T) {
	evening := time.Date(2026, 12, 5, 22, 51, 0, 0, time.UTC)
	night := triage.Report{Entries: 2, TemplateCount: 1, Templates: []triage.Template{
		{Key: "k", Template: "tick <num>", Kind: "service", Level: "info", Count: 2, First: evening, Last: evening.Add(98 * time.Minute)},
	}}
	v := NewTemplatesView(DefaultKeyMap(), styles())
	v.SetSize(120, 10)
	v = v.Start(newJob(5, nil), time.UTC).SetReport(ResultMsg{Gen: 5, Report: night}, nil)
	if out := ansi.Strip(v.View()); !strings.Contains(out, "12-05 22:51") || !strings.Contains(out, "12-06 00:29") {
		t.Errorf("the night's times lack their dates:\n%s", out)
	}
	day := shownTemplates(t, 120, 10, nil)
	if out := ansi.Strip(day.View()); !strings.Contains(out, "08:00:00") || strings.Contains(out, "02-10 08:00") {
		t.Errorf("one day's times:\n%s", out)
	}
}

// TestTemplatesLevelKeepsItsSpace: a level as wide as the column's head
// and wider ("notice", "critical") is followed by a space, at every width.
func TestTemplatesLevelKeepsItsSpace(t *testing.T) {
	r := triage.Report{Entries: 3, TemplateCount: 2, Templates: []triage.Template{
		{Key: "k1", Template: "host rebooted", Kind: "boundary", Level: "notice", Count: 1, First: start, Last: start},
		{Key: "k2", Template: "disk gone", Kind: "service", Level: "critical", Count: 2, First: start, Last: start},
	}}
	for _, w := range []int{80, 120} {
		v := NewTemplatesView(DefaultKeyMap(), styles())
		v.SetSize(w, 20)
		out := ansi.Strip(v.Start(newJob(4, nil), start.Location()).SetReport(ResultMsg{Gen: 4, Report: r}, nil).View())
		for _, level := range []string{"notice ", "critical "} {
			if !strings.Contains(out, level) {
				t.Errorf("%d columns: %q runs into the next column:\n%s", w, level, out)
			}
		}
	}
}
