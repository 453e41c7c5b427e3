package triage

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"connlog/model"
)

// TestStructuredKeysHoldWhatTheTablesRead: a structured record holding
// every field key the model names reads, restricted to structuredKeys, as
// it reads whole — its view, its span and its template — so a key the
// tables start to read cannot be left out of the loads (Parts.Keys).
func TestStructuredKeysHoldWhatTheTablesRead(t *testing.T) {
	var all model.Fields
	for i, k := range modelKeys(t) {
		v := k + "-value"
		switch k {
		case model.KeyFlowStart, model.KeyStartedAt:
			v = "2026-01-02T03:04:05Z"
		case model.KeyFlowEnd, model.KeyEndedAt:
			v = "2026-01-02T04:04:05Z"
		}
		all = append(all, model.Field{Key: k, Value: v, Num: float64(i + 1), IsNum: true})
	}
	if len(all) < 50 {
		t.Fatalf("only %d keys found in model/keys.go", len(all))
	}
	// Every key alone (a key among several can hide behind another: rx is
	// the largest of three counters), then all of them together.
	sets := []model.Fields{all}
	for _, f := range all {
		sets = append(sets, model.Fields{f})
	}
	for _, fs := range sets {
		checkRestricted(t, fs)
	}
}

// checkRestricted fails when a structured record with the fields all reads
// otherwise than with only those of structuredKeys.
func checkRestricted(t *testing.T, all model.Fields) {
	t.Helper()
	some := slices.DeleteFunc(slices.Clone(all), func(f model.Field) bool { return !slices.Contains(structuredKeys, f.Key) })
	for _, k := range []model.Kind{model.KindAnalytics, model.KindSession, model.KindFlow} {
		whole := &model.Entry{Kind: k, Level: model.LevelInfo, Time: time.Unix(1e9, 0), Fields: all}
		part := &model.Entry{Kind: k, Level: model.LevelInfo, Time: time.Unix(1e9, 0), Fields: some}
		var a, b view
		a.read(whole)
		b.read(part)
		if a != b {
			t.Errorf("%v with %d fields: the view of the restricted fields differs:\n%+v\n%+v", k, len(all), a, b)
		}
		if a, b := TemplateKey(nil, whole), TemplateKey(nil, part); string(a) != string(b) {
			t.Errorf("%v: template %q, restricted %q", k, a, b)
		}
		for _, span := range []func(*model.Entry) (time.Time, time.Time){flowSpan, sessionSpan} {
			s1, e1 := span(whole)
			s2, e2 := span(part)
			if !reflect.DeepEqual([]time.Time{s1, e1}, []time.Time{s2, e2}) {
				t.Errorf("%v: span %v–%v, restricted %v–%v", k, s1, e1, s2, e2)
			}
		}
	}
}

// modelKeys returns the values of the Key… constants of model/keys.go.
func modelKeys(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../keys.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Values) != 1 || len(vs.Names) != 1 {
			return true
		}
		if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING && len(vs.Names[0].Name) > 3 && vs.Names[0].Name[:3] == "Key" {
			if v, err := strconv.Unquote(lit.Value); err == nil {
				keys = append(keys, v)
			}
		}
		return true
	})
	return keys
}
