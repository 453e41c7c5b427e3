package triageview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/triage"
)

// TestTitlesCountOne: a view of one entry and one template says so in
// the singular, not "1 entries in 1 templates".
func TestTitlesCountOne(t *testing.T) {
	one := triage.Report{Entries: 1, TemplateCount: 1, Templates: []triage.Template{
		{Key: "k1", Template: "State: Online", Kind: "service", Level: "info", Count: 1, First: start}},
		Top: triage.Tops{Users: []triage.Value{{Value: "alice@x", Count: 1, Share: 1}}}}
	tv := NewTemplatesView(DefaultKeyMap(), styles())
	tv.SetSize(120, 10)
	tv = tv.Start(newJob(4, nil), start.Location()).SetReport(ResultMsg{Gen: 4, Report: one}, nil)
	if out := ansi.Strip(tv.View()); !strings.Contains(out, "templates of the view · 1 entry in 1 template") {
		t.Errorf("the templates' title of one entry:\n%s", out)
	}
	nv := NewTopNView(DefaultKeyMap(), styles())
	nv.SetSize(120, 10)
	nv = nv.Start(newJob(7, nil)).SetReport(ResultMsg{Gen: 7, Report: one})
	if out := ansi.Strip(nv.View()); !strings.Contains(out, "top values of the view · 1 entry") ||
		strings.Contains(out, "1 entries") {
		t.Errorf("the top values' title of one entry:\n%s", out)
	}
}
