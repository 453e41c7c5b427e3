package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// TestTemplatePivotTakesTheTemplatesPathOnly: enter on an audit web
// template whose path is not masked filters to that path exactly, not to
// every path that starts with it: the template's one row.
func TestTemplatePivotTakesTheTemplatesPathOnly(t *testing.T) {
	d := decode.New(1, decode.Options{Location: time.UTC})
	var es []model.Entry
	for i, path := range []string{"/api/v2/projects", "/api/v2/projects/12/reports", "/api/v2/projects/13/reports"} {
		line := fmt.Sprintf(`{"id":"a%d","created_at":"2026-02-10T11:4%d:23.432Z","level":"error","log_type":"web","user_name":"erin.walsh","method":"DELETE","path":%q,"status_code":500}`, i, i, path)
		es = d.Decode(&model.Record{Raw: []byte(line), Source: 1, Offset: -1}, es)
	}
	es = d.Flush(es)
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 120, 30), keys("P")...)
	row := -1
	for i, r := range m.tmpl.Rows() {
		if r.Template.Count == 1 {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no template of one line among %+v", m.tmpl.Rows())
	}
	m = drive(t, m, append(keys(strings.Repeat("j", row)), keys("enter")...)...)
	if !strings.Contains(m.filter.text, ".path=/api/v2/projects") || m.live.len() != 1 {
		t.Errorf("filter %q shows %d rows; want the template's one", m.filter.text, m.live.len())
	}
	if m.notice != "" {
		t.Errorf("an exact filter has the note %q", m.notice)
	}
}

// TestTemplatePivotCountsOtherTemplates: a service template is looked
// for by its words, which lines of another template may hold as well:
// the footer says how many of the rows the filter shows are theirs.
func TestTemplatePivotCountsOtherTemplates(t *testing.T) {
	es := noisyEntries()
	for i := range 3 {
		es = append(es, service(30000+i, model.LevelDebug, "libsdwan", "relay_client::keepalive",
			fmt.Sprintf("keepalive seq=%d rtt=%dms late", i, 10+i)))
	}
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 200, 40), keys("P")...)
	if got := m.tmpl.Rows()[0].Template; !strings.Contains(got.Template, "keepalive") || got.Count != 50 {
		t.Fatalf("the most frequent template is %q (%d); want the 50 keepalives", got.Template, got.Count)
	}
	m = drive(t, m, keys("enter")...)
	if m.live.len() != 53 {
		t.Fatalf("the filter %q shows %d rows; want the 50 and the 3 late ones, which hold its words", m.filter.text, m.live.len())
	}
	if want := "of the 53 rows the filter shows, 3 are of other templates"; !strings.Contains(m.notice, want) {
		t.Errorf("the footer says %q; want %q", m.notice, want)
	}
}
