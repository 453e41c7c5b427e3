package triage

import (
	"testing"

	"connlog/model"
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
