package triage

import (
	"bytes"
	"os"
	"reflect"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/source/synth"
)

// TestTemplateKey checks that every line's key, computed without a Triage,
// is its template's Key in the report, and that lines of different
// templates have different keys.
func TestTemplateKey(t *testing.T) {
	es := decodeFile(t, fixture("envelopes", "docker-ts.log"), true)
	tr := New(Options{})
	tr.Add(clone(es))
	byID := map[int32]Template{}
	keys := map[string]int32{}
	for _, r := range tr.Report(ReportOptions{Top: 1000}).Templates {
		byID[r.ID] = r
		if prev, dup := keys[r.Key]; dup {
			t.Errorf("templates %d and %d share key %q", prev, r.ID, r.Key)
		}
		keys[r.Key] = r.ID
	}
	if len(byID) < 3 {
		t.Fatalf("only %d templates: the fixture should hold more", len(byID))
	}
	lean := decodeFile(t, fixture("envelopes", "docker-ts.log"), true)
	for i := range lean {
		id, _ := tr.TemplateID(&es[i])
		if got := string(TemplateKey(nil, &lean[i])); got != byID[id].Key {
			t.Errorf("line %q: key %q; its template's is %q", lean[i].Raw, got, byID[id].Key)
		}
	}
	unseen := string(TemplateKey(nil, &model.Entry{Kind: model.KindText, Payload: []byte("never seen")}))
	if _, ok := keys[unseen]; ok {
		t.Errorf("an unseen line has a known key %q", unseen)
	}
}

// TestTemplatesFoldedByTheDecoder: lines the decoder folded into their
// templates (decode.Options.Templates), kept with nothing but their index
// (time, level, kind, module, function) and template, as a store loads
// them for the templates, give the reports
// that the same lines decoded whole do, over generated lines and every
// payload fixture; and every service line with a payload has one.
func TestTemplatesFoldedByTheDecoder(t *testing.T) {
	var raw [][]byte
	g := synth.New(9, synth.Options{})
	for range 4000 {
		l, at, _ := g.Next(nil)
		raw = append(raw, append(at.UTC().AppendFormat(nil, time.RFC3339Nano+" "), l...))
	}
	for _, f := range []string{"audit.log", "service.log", "analytics.log", "session.log", "flow.log", "json.log", "text.log"} {
		data, err := os.ReadFile(fixture("payloads", f))
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, bytes.SplitAfter(data, []byte("\n"))...)
	}
	whole := decodeLines(raw, false)
	d := decode.New(0, decode.Options{Location: time.UTC, Reference: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC),
		IndexService: true, Templates: true})
	var folded []model.Entry
	for _, l := range raw {
		if len(l) > 0 {
			folded = d.Decode(&model.Record{Raw: append([]byte(nil), l...), Offset: -1}, folded)
		}
	}
	folded = d.Flush(folded)
	if len(folded) != len(whole) {
		t.Fatalf("%d entries folded, %d whole", len(folded), len(whole))
	}
	n := 0
	for i := range folded {
		e := &folded[i]
		switch {
		case e.Kind == model.KindService && len(e.Payload) > 0 && e.Template == "":
			t.Fatalf("service line %q has no template", e.Raw)
		case e.Kind != model.KindService && e.Template != "":
			t.Fatalf("a %v line has template %q", e.Kind, e.Template)
		case e.Template != "":
			*e = model.Entry{Seq: e.Seq, Time: e.Time, Level: e.Level, Kind: e.Kind, Fields: e.Fields, Template: e.Template}
			n++
		default:
			*e = whole[i]
		}
	}
	if n < len(folded)/2 {
		t.Fatalf("only %d of %d lines folded", n, len(folded))
	}
	opts := ReportOptions{Ended: true, Top: 1000, Sessions: func(*Session) bool { return true }}
	a, b := New(Options{}), New(Options{})
	a.Add(clone(whole))
	b.Add(folded)
	if !reflect.DeepEqual(a.Report(opts), b.Report(opts)) {
		t.Fatal("the lines' templates from the decoder change the report")
	}
}

// TestSignedNumbersFoldIntoOneTemplate: lines whose numbers differ only by
// a sign are one template, in the triage views and in the decoder's fold.
func TestSignedNumbersFoldIntoOneTemplate(t *testing.T) {
	var raw [][]byte
	for _, f := range []string{"194s", "-44s", "67s"} {
		raw = append(raw, []byte("2026-02-10T11:00:00.000Z [DEBUG] [libsdwan] [cbct] cbct_cache::validate: device=205411 freshness="+f+" ok\n"))
	}
	d := decode.New(0, decode.Options{Location: time.UTC, IndexService: true, Templates: true})
	var folded []model.Entry
	for _, l := range raw {
		folded = d.Decode(&model.Record{Raw: l, Offset: -1}, folded)
	}
	for name, es := range map[string][]model.Entry{"whole": decodeLines(raw, false), "folded": d.Flush(folded)} {
		tr := New(Options{})
		tr.Add(es)
		tps := tr.Report(ReportOptions{Top: 10}).Templates
		if len(tps) != 1 || tps[0].Count != 3 {
			t.Errorf("%s: %d templates, want 1 of 3 lines: %+v", name, len(tps), tps)
		}
	}
}
