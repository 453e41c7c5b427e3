package payload

import (
	"testing"

	"connlog/model"
)

// checkServiceResult fails unless ServiceResult agrees with Parse on p: when
// it claims the line, Parse gives one result of the same kind, level and
// time, no error and at least one field.
func checkServiceResult(t *testing.T, p []byte) (claimed bool) {
	t.Helper()
	lean, ok := ServiceResult(p)
	if !ok {
		return false
	}
	full := Parse(p, nil)
	if len(full) != 1 {
		t.Fatalf("%q: Parse gave %d results, ServiceResult claimed a service line", p, len(full))
	}
	r := full[0]
	if r.Kind != lean.Kind || r.Level != lean.Level || !r.Time.Equal(lean.Time) || r.Err != "" || len(r.Fields) == 0 {
		t.Fatalf("%q: Parse gave %v/%v/%v err %q fields %d; ServiceResult %v/%v/%v",
			p, r.Kind, r.Level, r.Time, r.Err, len(r.Fields), lean.Kind, lean.Level, lean.Time)
	}
	return true
}

func TestServiceResult(t *testing.T) {
	cases := []struct {
		name  string
		line  string
		claim bool
		level model.Level
	}{
		{"debug with modules", "[DEBUG] [libsdwan] [dns] dns_cache::lookup: a hit", true, model.LevelDebug},
		{"error", "[ERROR] [connector] Failed to submit analytics events", true, model.LevelError},
		{"warning spelled out", "[WARNING] x", true, model.LevelWarn},
		{"level alone", "[INFO]", true, model.LevelInfo},
		{"libevent msg", "[msg] event_base_loop", false, model.LevelNone},
		{"json array", "[{\"a\":1}]", false, model.LevelNone},
		{"bracketed word", "[Timestamp][Connector]: x", false, model.LevelNone},
		{"lower-case level", "[info] x", false, model.LevelNone},
		{"analytics", `ANALYTICS {"event_type":"closed_connection"}`, false, model.LevelNone},
		{"empty", "", false, model.LevelNone},
		{"unclosed bracket", "[ERROR", false, model.LevelNone},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := ServiceResult([]byte(tc.line))
			if ok != tc.claim || r.Level != tc.level {
				t.Fatalf("ServiceResult(%q) = %v, %v; want %v, %v", tc.line, r.Level, ok, tc.level, tc.claim)
			}
			if got := checkServiceResult(t, []byte(tc.line)); got != tc.claim {
				t.Fatalf("claimed %v", got)
			}
		})
	}
}

// FuzzServiceResult: whatever ServiceResult claims, Parse reads the same way.
func FuzzServiceResult(f *testing.F) {
	for _, s := range []string{"[DEBUG] [libsdwan] a::b: c", "[ERROR]", "[msg] x", "[ {", "[WARN ] x", "[FATAL]\x00\xff", "[CRITICAL]] [x]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		checkServiceResult(t, p)
	})
}

// checkAnalyticsResult fails unless AnalyticsResult agrees with Parse on p:
// when it claims the line, Parse gives one analytics result of the same
// level and time, with fields.
func checkAnalyticsResult(t *testing.T, p []byte) (claimed bool) {
	t.Helper()
	lean, ok := AnalyticsResult(p)
	if !ok {
		return false
	}
	full := Parse(p, nil)
	if len(full) != 1 {
		t.Fatalf("%q: Parse gave %d results, AnalyticsResult claimed an event", p, len(full))
	}
	r := full[0]
	if r.Kind != model.KindAnalytics || lean.Kind != r.Kind || r.Level != lean.Level || !r.Time.Equal(lean.Time) || len(r.Fields) == 0 {
		t.Fatalf("%q: Parse gave %v/%v/%v fields %d; AnalyticsResult %v/%v/%v",
			p, r.Kind, r.Level, r.Time, len(r.Fields), lean.Kind, lean.Level, lean.Time)
	}
	return true
}

func TestAnalyticsResult(t *testing.T) {
	cases := []struct {
		name  string
		line  string
		claim bool
		level model.Level
	}{
		{"closed", `ANALYTICS {"event_type":"closed_connection","timestamp":1770710403183,"connection":{"rx":1}}`, true, model.LevelInfo},
		{"failed", `ANALYTICS  {"connection":{"id":"a-1"},"event_type":"failed_to_connect"}`, true, model.LevelWarn},
		{"bad location text", `ANALYTICS {"event_type":"closed_connection","location":"{not json"}`, true, model.LevelInfo},
		{"event type last wins", `ANALYTICS {"event_type":"failed_to_connect","event_type":{}}`, true, model.LevelInfo},
		{"no event type", `ANALYTICS {"timestamp":1}`, false, model.LevelNone},
		{"event type not a string", `ANALYTICS {"event_type":1}`, false, model.LevelNone},
		{"truncated", `ANALYTICS {"event_type":"closed_connection","conn`, false, model.LevelNone},
		{"data after the object", `ANALYTICS {"event_type":"closed_connection"} x`, false, model.LevelNone},
		{"no object", `ANALYTICS started`, false, model.LevelNone},
		{"service line", `[INFO] x`, false, model.LevelNone},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := AnalyticsResult([]byte(tc.line))
			if ok != tc.claim || r.Level != tc.level {
				t.Fatalf("AnalyticsResult(%q) = %v, %v; want %v, %v", tc.line, r.Level, ok, tc.level, tc.claim)
			}
			if got := checkAnalyticsResult(t, []byte(tc.line)); got != tc.claim {
				t.Fatalf("claimed %v", got)
			}
		})
	}
}

// FuzzAnalyticsResult: whatever AnalyticsResult claims, Parse reads the same
// way.
func FuzzAnalyticsResult(f *testing.F) {
	for _, s := range []string{
		`ANALYTICS {"event_type":"closed_connection","timestamp":1770710403183}`,
		`ANALYTICS {"event_type":"failed_to_connect","timestamp":"2026-02-10T08:00:00Z","relays":[{"ip":"1.2.3.4"}]}`,
		`ANALYTICS {"connection":"x","event_type":"denied","location":"{\"geoip\":{}}"}`,
		`ANALYTICS {"event_type":"a","timestamp":-1e999}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		checkAnalyticsResult(t, p)
	})
}
