package triage

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"connlog/model"
)

// TestLeanAndFullAgree: the same lines decoded with and without lean
// service and analytics entries give the same report.
func TestLeanAndFullAgree(t *testing.T) {
	for _, f := range []string{fixture("envelopes", "docker-ts.log"), fixture("payloads", "analytics.log"), fixture("payloads", "service.log")} {
		full, lean := New(Options{}), New(Options{})
		full.Add(decodeFile(t, f, false))
		lean.Add(decodeFile(t, f, true))
		a, _ := json.Marshal(full.Report(ReportOptions{Ended: true}))
		b, _ := json.Marshal(lean.Report(ReportOptions{Ended: true}))
		if string(a) != string(b) {
			t.Errorf("%s: lean and full reports differ:\n%s\n%s", f, a, b)
		}
	}
}

// TestBatchesDoNotMatter: adding entries one by one, in odd batches or all
// at once gives the same report — nothing is recomputed at the end.
func TestBatchesDoNotMatter(t *testing.T) {
	es := decodeFile(t, fixture("envelopes", "docker-ts.log"), false)
	es = append(es, decodeFile(t, fixture("payloads", "analytics.log"), false)...)
	whole := New(Options{Buckets: 4, Compare: &Compare{}})
	whole.Add(clone(es))
	for _, size := range []int{1, 3, 7} {
		tr := New(Options{Buckets: 4, Compare: &Compare{}})
		in := clone(es)
		for i := 0; i < len(in); i += size {
			tr.Add(in[i:min(i+size, len(in))])
		}
		if !reflect.DeepEqual(tr.Report(ReportOptions{}), whole.Report(ReportOptions{})) {
			t.Errorf("batches of %d give another report", size)
		}
	}
}

func clone(es []model.Entry) []model.Entry { return append([]model.Entry(nil), es...) }

// TestHistogramCountsEveryEntry: each level's counts over the buckets sum
// to the entries of that level, and the width fits the target.
func TestHistogramCountsEveryEntry(t *testing.T) {
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	var es []model.Entry
	want := map[string]int64{}
	for i := 0; i < 600; i++ {
		line := "[DEBUG] [libsdwan] tick"
		if i%7 == 0 {
			line = "[ERROR] [libsdwan] boom"
		}
		e := serviceEntry(start.Add(time.Duration(i)*time.Minute), line)
		want[e.Level.String()]++
		es = append(es, e)
	}
	tr := New(Options{Buckets: 30})
	tr.Add(es)
	r := tr.Report(ReportOptions{})
	got := map[string]int64{}
	for _, b := range r.Histogram {
		for l, n := range b.Counts {
			got[l] += n
		}
		if b.End.Sub(b.Start) != r.BucketWidth {
			t.Fatalf("bucket %v..%v is not %v wide", b.Start, b.End, r.BucketWidth)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("levels %v, want %v", got, want)
	}
	// 10 hours at a target of 30: 10 minutes (60 buckets, at most 2×30); 5 minutes would need 120.
	if r.BucketWidth != 10*time.Minute || len(r.Histogram) != 60 {
		t.Errorf("width %v, %d buckets", r.BucketWidth, len(r.Histogram))
	}
}

// TestSessionsFromAnalytics: one row per connection, with the statuses the
// fixture's events give.
func TestSessionsFromAnalytics(t *testing.T) {
	es := decodeFile(t, fixture("payloads", "analytics.log"), false)
	kept := es[:0]
	for _, e := range es { // drop a0b1…'s close: it then never closes
		if e.Fields.Value(model.KeyConnID) != "a0b1c2d3e4f5a6b7-2" || e.Fields.Value(model.KeyEventType) != model.EventClosed {
			kept = append(kept, e)
		}
	}
	if len(kept) != len(es)-1 {
		t.Fatalf("the fixture no longer has exactly one close of a0b1c2d3e4f5a6b7-2")
	}
	tr := New(Options{})
	tr.Add(kept)
	r := tr.Report(ReportOptions{Ended: true, Top: 100, Sessions: func(*Session) bool { return true }})
	byID := map[string]Session{}
	for _, s := range r.Sessions.Rows {
		byID[s.ID] = s
	}
	closed := byID["f1c2a3b4c5d6e7f8-31"]
	if closed.Status != StatusClosed || closed.User != "anna@example.com" || closed.Resource != "bastion.internal:22" ||
		closed.Rx != 48211 || closed.Country != "DE" || closed.Start.IsZero() || closed.Duration <= 0 {
		t.Errorf("closed connection: %+v", closed)
	}
	if f := byID["c9d8e7f6a5b4c3d2-7"]; f.Status != StatusFailed || f.Reason != "CONNECTION_FAILED" {
		t.Errorf("failed connection: %+v", f)
	}
	if o := byID["a0b1c2d3e4f5a6b7-2"]; o.Status != StatusUnknownEnd || !o.End.IsZero() {
		t.Errorf("connection never closed: %+v", o)
	}
	// Closed, its establishment before the data: the start is the close less the duration.
	if c := byID["e755ba99988db558-24"]; c.Status != StatusClosed || c.Duration != 3034753*time.Millisecond {
		t.Errorf("connection established before the data: %+v", c)
	}
	if open := tr.Report(ReportOptions{Top: 100}); open.Sessions.Open == 0 || open.Sessions.Open != r.Sessions.UnknownEnd {
		t.Errorf("while following, the unclosed connection is open: %+v", open.Sessions)
	}
	if r.Sessions.Failed == 0 || r.Sessions.Closed == 0 || r.Sessions.UnknownEnd == 0 {
		t.Errorf("counts: %+v", r.Sessions)
	}
}

// TestSessionsFromNewt: newt ACCESS START/END lines pair into rows with
// their end reason, and Pangolin rows are whole sessions.
func TestSessionsFromNewt(t *testing.T) {
	tr := New(Options{})
	tr.Add(decodeFile(t, fixture("payloads", "session.log"), false))
	r := tr.Report(ReportOptions{Ended: true, Top: 100, Sessions: func(*Session) bool { return true }})
	var reaped, paired bool
	for _, s := range r.Sessions.Rows {
		reaped = reaped || (s.ID == "a1b2c3d4e5f60718" && s.Reason == "reaped" && s.Status == StatusClosed)
		paired = paired || (s.ID == "4f9c2a7d1e8b3c60" && !s.Start.IsZero() && s.Status == StatusClosed && s.Resource != "")
	}
	if !reaped || !paired {
		t.Errorf("rows: %+v", r.Sessions.Rows)
	}
}

// TestCapsCountOther: past the cap, templates and values are counted as
// other, and the counts still add up.
func TestCapsCountOther(t *testing.T) {
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	var es []model.Entry
	for i := 0; i < 50; i++ {
		es = append(es, serviceEntry(start.Add(time.Duration(i)*time.Second), fmt.Sprintf("[WARN] [mod%c] shape %c", 'a'+i%10, 'a'+i%10)))
	}
	tr := New(Options{MaxTemplates: 3, MaxValues: 4})
	tr.Add(es)
	r := tr.Report(ReportOptions{Top: 100})
	var sum int64
	for _, tp := range r.Templates {
		sum += tp.Count
	}
	last := r.Templates[len(r.Templates)-1]
	if sum != 50 || !last.Other || last.Count != 35 || r.TemplateCount != 3 {
		t.Errorf("templates sum %d, last %+v", sum, last)
	}
	var mods int64
	for _, m := range r.Top.Modules {
		mods += m.Count
	}
	if mods != 50 || !r.Top.Modules[len(r.Top.Modules)-1].Other {
		t.Errorf("modules %+v", r.Top.Modules)
	}
}

// TestTemplateID: an entry names the template row it was counted in.
func TestTemplateID(t *testing.T) {
	es := decodeFile(t, fixture("envelopes", "docker-ts.log"), true)
	tr := New(Options{})
	tr.Add(clone(es))
	rows := map[int32]Template{}
	for _, r := range tr.Report(ReportOptions{Top: 1000}).Templates {
		rows[r.ID] = r
	}
	for i := range es {
		id, ok := tr.TemplateID(&es[i])
		if r, found := rows[id]; !ok || !found || r.Level != es[i].Level.String() || r.Kind != es[i].Kind.String() {
			t.Errorf("entry %q: template %d (%v) is row %+v", es[i].Raw, id, ok, r)
		}
	}
	if _, ok := tr.TemplateID(&model.Entry{Kind: model.KindText, Payload: []byte("never seen")}); ok {
		t.Error("an unseen line has a template")
	}
}

// TestDeniedAudit: audit records with access_granted false are denied
// accesses, named by who and what, and marked on the timeline.
func TestDeniedAudit(t *testing.T) {
	tr := New(Options{})
	tr.Add(decodeFile(t, fixture("payloads", "audit.log"), false))
	r := tr.Report(ReportOptions{Top: 100})
	got := map[string]int64{}
	for _, v := range r.Top.Denied {
		got[v.Value] = v.Count
	}
	want := map[string]int64{"mallory → login_attempt": 1, "bob → export_jira": 1, "(unknown user) → api_request": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("denied %v, want %v", got, want)
	}
	var denied int64
	for _, b := range r.Histogram {
		denied += b.Denied
	}
	if denied != 3 {
		t.Errorf("timeline marks %d denied, want 3", denied)
	}
}

// TestAuditTemplates: audit records fold by type and action, web records
// by method, path and status.
func TestAuditTemplates(t *testing.T) {
	lines := [][]byte{
		[]byte(`{"created_at": "2026-02-10T08:00:00Z", "level": "info", "log_type": "web", "method": "GET", "path": "/api/v2/projects/12/reports", "status_code": 200, "user_name": "alice"}` + "\n"),
		[]byte(`{"created_at": "2026-02-10T08:00:01Z", "level": "info", "log_type": "web", "method": "GET", "path": "/api/v2/projects/97/reports", "status_code": 200, "user_name": "bob"}` + "\n"),
		[]byte(`{"created_at": "2026-02-10T08:00:02Z", "level": "info", "log_type": "web", "method": "GET", "path": "/api/v2/projects/97/reports", "status_code": 403, "user_name": "bob"}` + "\n"),
		[]byte(`{"created_at": "2026-02-10T08:00:03Z", "level": "warning", "log_type": "audit", "user_name": "mallory", "action": "login_attempt", "access_granted": false, "access_denied_reason": "invalid credentials"}` + "\n"),
	}
	tr := New(Options{})
	tr.Add(decodeLines(lines, false))
	got := map[string]int64{}
	for _, tp := range tr.Report(ReportOptions{}).Templates {
		got[tp.Template] = tp.Count
	}
	want := map[string]int64{
		"audit web GET /api/v2/projects/<num>/reports 200":      2,
		"audit web GET /api/v2/projects/<num>/reports 403":      1,
		"audit audit login_attempt denied: invalid credentials": 1,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("templates %v, want %v", got, want)
	}
}
