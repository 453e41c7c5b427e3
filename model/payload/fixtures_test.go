package payload

import (
	"testing"

	"connlog/model"
)

// Every line of each family's fixture parses cleanly into that family
// (the CSV header and the audit events sharing a log-streaming body with
// flow events are the documented exceptions).
func TestFixtures(t *testing.T) {
	cases := []struct {
		file   string
		kind   model.Kind
		except map[int]model.Kind // line index -> the kind its results have instead
		mixed  map[int]bool       // lines whose results mix the family with others
	}{
		{file: "service.log", kind: model.KindService},
		{file: "analytics.log", kind: model.KindAnalytics},
		{file: "audit.log", kind: model.KindAudit},
		{file: "flow.log", kind: model.KindFlow, mixed: map[int]bool{4: true}},
		{file: "session.log", kind: model.KindSession, except: map[int]model.Kind{10: model.KindText}},
		{file: "json.log", kind: model.KindJSON},
		{file: "text.log", kind: model.KindText},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			for k, line := range fixtureLines(t, tc.file) {
				rs := Parse([]byte(line), nil)
				wantKind, ok := tc.except[k]
				if !ok {
					wantKind = tc.kind
				}
				family := 0
				for _, r := range rs {
					if r.Err != "" {
						t.Errorf("line %d: Err %q", k+1, r.Err)
					}
					if r.Kind == wantKind {
						family++
					} else if !tc.mixed[k] {
						t.Errorf("line %d: kind %v, want %v", k+1, r.Kind, wantKind)
					}
				}
				if family == 0 {
					t.Errorf("line %d: no %v result among %d", k+1, wantKind, len(rs))
				}
			}
		})
	}
}
