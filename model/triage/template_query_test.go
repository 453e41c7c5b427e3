package triage

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
)

// templateQueryLines are lines whose templates hold what a query cannot
// find as the template writes it: a word coloured inside, a word cut by the
// template's length cap, a label the template adds, a Linux audit record.
var templateQueryLines = []string{
	"2026-12-06T01:00:01Z [WARN] [connector] relay state=\x1b[31mstalled\x1b[0m id 1",
	"2026-12-06T01:00:02Z [WARN] [connector] relay state=\x1b[31mstalled\x1b[0m id 2",
	"2026-12-06T01:00:03Z [INFO] [connector] token refresh payload=" + strings.Repeat("A", 400),
	"2026-12-06T01:00:04Z [INFO] [connector] token refresh payload=" + strings.Repeat("A", 401),
	`type=AVC msg=audit(1764986400.123:456): apparmor="DENIED" operation="open" profile="/usr/bin/x" name="/etc/shadow" pid=1 comm="x"`,
	// A path that starts another template's: /api/v2/projects is not
	// /api/v2/projects/12/reports.
	`{"id":"a1","created_at":"2026-02-10T11:47:23.432Z","level":"error","log_type":"web","user_name":"erin.walsh","method":"DELETE","path":"/api/v2/projects","status_code":500}`,
	`{"id":"a2","created_at":"2026-02-10T11:48:23.432Z","level":"error","log_type":"web","user_name":"erin.walsh","method":"DELETE","path":"/api/v2/projects/12/reports","status_code":500}`,
	`{"id":"a3","created_at":"2026-02-10T11:49:23.432Z","level":"error","log_type":"web","user_name":"erin.walsh","method":"DELETE","path":"/api/v2/projects/13/reports","status_code":500}`,
	// A message that starts another's.
	`{"time":"2026-02-10T14:21:39.004Z","level":"WARN","msg":"ping failed"}`,
	`{"time":"2026-02-10T14:21:40.004Z","level":"WARN","msg":"ping failed again"}`,
	`{"time":"2026-02-10T14:21:41.004Z","level":"WARN","msg":"ping failed after 3 tries"}`,
}

// TestTemplateQueryFindsItsLines: the filter a template gives finds every
// line the template folds, over every payload fixture and lines whose
// template the query cannot read as it is written; one that says it is
// exact, and any of a record folded by its fields (over these lines, whose
// masked parts differ from every other template's fixed parts), finds its
// lines and no other.
func TestTemplateQueryFindsItsLines(t *testing.T) {
	var raw [][]byte
	for _, f := range []string{"audit.log", "service.log", "analytics.log", "session.log", "flow.log", "json.log", "text.log"} {
		data, err := os.ReadFile(fixture("payloads", f))
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, bytes.SplitAfter(data, []byte("\n"))...)
	}
	for _, l := range templateQueryLines {
		raw = append(raw, []byte(l+"\n"))
	}
	es := decodeLines(raw, false)
	at := time.Date(2026, 12, 6, 3, 0, 0, 0, time.UTC)
	es = append(es,
		model.Entry{Time: at, Kind: model.KindBoundary, Level: model.LevelNotice,
			Fields: model.Fields{model.Str(model.KeyBoundary, "reboot"), model.Str(model.KeyMessage, model.BoundaryMessage("reboot"))}},
		model.Entry{Time: at, Kind: model.KindBoundary, Level: model.LevelNotice,
			Fields: model.Fields{model.Str(model.KeyBoundary, "restart"), model.Str(model.KeyMessage, model.BoundaryMessage("restart"))}},
		model.Entry{Time: at, Kind: model.KindGap, Level: model.LevelWarn,
			Fields: model.Fields{model.Str(model.KeyGapReason, "rotation"), model.Str(model.KeyMessage, "lines lost in a rotation")}})
	tr := New(Options{})
	tr.Add(clone(es))
	ids := make([]int32, len(es))
	for i := range es {
		var ok bool
		if ids[i], ok = tr.TemplateID(&es[i]); !ok {
			ids[i] = -2 // of no template: a note (gap, boundary) is none
		}
		if note := es[i].Kind == model.KindGap || es[i].Kind == model.KindBoundary; ok == note {
			t.Errorf("%s entry: in a template %v", es[i].Kind, ok)
		}
	}
	fieldsOnly := map[string]bool{"audit": true, "session": true, "flow": true, "analytics": true}
	kinds, exact := map[string]bool{}, map[string]bool{}
	for _, tp := range tr.Report(ReportOptions{Top: 1000}).Templates {
		q, err := query.Compile(tp.Query, query.Options{})
		if err != nil {
			t.Fatalf("template %q: query %q: %v", tp.Template, tp.Query, err)
		}
		var matched, missed int
		for i := range es {
			switch m := q.Match(&es[i]); {
			case m:
				matched++
			case ids[i] == tp.ID:
				missed++
			}
		}
		if missed > 0 {
			t.Errorf("template %q: %s misses %d of its %d lines", tp.Template, tp.Query, missed, tp.Count)
		}
		if (tp.Exact || fieldsOnly[tp.Kind]) && int64(matched) != tp.Count {
			t.Errorf("template %q: %s finds %d entries, want its %d", tp.Template, tp.Query, matched, tp.Count)
		}
		if tp.Exact {
			exact[tp.Kind] = true
		}
		kinds[tp.Kind] = true
	}
	for _, k := range []string{"service", "analytics", "audit", "session", "flow", "json", "text"} {
		if !kinds[k] {
			t.Errorf("no %s template was checked", k)
		}
	}
	for _, k := range []string{"analytics", "session", "flow", "json"} {
		if !exact[k] {
			t.Errorf("no %s template has an exact query", k)
		}
	}
}

// TestTemplateQueryOfAnUnmaskedPath: an audit web template whose path
// is not masked is filtered on that path exactly, not on every path that
// starts with it; a masked one on its shape.
func TestTemplateQueryOfAnUnmaskedPath(t *testing.T) {
	es := decodeLines([][]byte{[]byte(templateQueryLines[5]), []byte(templateQueryLines[6]), []byte(templateQueryLines[7])}, false)
	tr := New(Options{})
	tr.Add(clone(es))
	for _, tp := range tr.Report(ReportOptions{Top: 10}).Templates {
		want := ".path=/api/v2/projects "
		if tp.Count == 2 {
			want = ".path:/api/v2/projects/*/reports "
		}
		if !strings.Contains(tp.Query, want) {
			t.Errorf("template %q (%d): query %q; want %s in it", tp.Template, tp.Count, tp.Query, want)
		}
		q, err := query.Compile(tp.Query, query.Options{})
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for i := range es {
			if q.Match(&es[i]) {
				found++
			}
		}
		if int64(found) != tp.Count {
			t.Errorf("template %q: %s finds %d lines, want its %d", tp.Template, tp.Query, found, tp.Count)
		}
	}
}

// TestLiteralWordsLeaveOutTheCut: a template cut at its length cap ends
// with an ellipsis no line holds; its last word is kept up to the cut.
func TestLiteralWordsLeaveOutTheCut(t *testing.T) {
	words := LiteralWords("[connector] token refresh payload="+strings.Repeat("A", 280)+"…", 1)
	if len(words) != 1 || words[0] != "payload="+strings.Repeat("A", 280) {
		t.Errorf("LiteralWords = %q, want the cut word without the ellipsis", words)
	}
}
