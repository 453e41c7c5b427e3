package payload

import (
	"testing"

	"connlog/model"
)

// FuzzMayBeWarning: an ANALYTICS line MayBeWarning says cannot be a
// warning parses as no warning, whatever its bytes: every parse of it
// (Parse, AnalyticsIndex, AnalyticsResult) gives a level other than warn,
// as an event or, its JSON broken, as text.
func FuzzMayBeWarning(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, s := range []string{`ANALYTICS {"event_type":"failed_to_connect"}`, `ANALYTICS {"event_type":"failed\u005fto_connect"}`,
		`ANALYTICS {"event\u005ftype":"denied_access"}`, "ANALYTICS {\"event_type\":\"\x1b[1mdenied_access\x1b[0m\"}",
		"ANALYTICS {\"event_type\":\"denied_\x1b[0maccess\"}",
		`ANALYTICS {"event_type":"established_connection","error":"failed_to_connect"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		if !OpensAnalytics(p) || MayBeWarning(p) {
			return
		}
		for _, r := range Parse(p, nil) {
			if r.Level == model.LevelWarn {
				t.Fatalf("%q parses as a warning (%v), but MayBeWarning says it cannot be one", p, r.Kind)
			}
		}
		if r, _, ok := AnalyticsIndex(p, nil, nil); ok && r.Level == model.LevelWarn {
			t.Fatalf("%q is indexed as a warning, but MayBeWarning says it cannot be one", p)
		}
		if r, ok := AnalyticsResult(p); ok && r.Level == model.LevelWarn {
			t.Fatalf("%q validates as a warning, but MayBeWarning says it cannot be one", p)
		}
	})
}
