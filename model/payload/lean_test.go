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
	if lvl, claims := ServiceLevel(p); claims != ok || ok && (lvl != lean.Level || lean.Kind != model.KindService) {
		t.Fatalf("%q: ServiceLevel gave %v claimed %v; ServiceResult %v/%v claimed %v", p, lvl, claims, lean.Kind, lean.Level, ok)
	}
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

// leanCase is a line a lean reader claims or not, with the level it reads.
type leanCase struct {
	name  string
	line  string
	claim bool
	level model.Level
}

// runLeanCases checks read (ServiceResult, StampedTextResult,
// AnalyticsResult) on each case, and check, which holds it to Parse.
func runLeanCases(t *testing.T, cases []leanCase, read func([]byte) (Result, bool), check func(*testing.T, []byte) bool) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := read([]byte(tc.line))
			if ok != tc.claim || r.Level != tc.level {
				t.Fatalf("%q: level %v, claimed %v; want %v, %v", tc.line, r.Level, ok, tc.level, tc.claim)
			}
			if got := check(t, []byte(tc.line)); got != tc.claim {
				t.Fatalf("claimed %v", got)
			}
		})
	}
}

func TestServiceResult(t *testing.T) {
	runLeanCases(t, []leanCase{
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
	}, ServiceResult, checkServiceResult)
}

// FuzzServiceResult: whatever ServiceResult claims, Parse reads the same way.
func FuzzServiceResult(f *testing.F) {
	for _, s := range []string{"[DEBUG] [libsdwan] a::b: c", "[ERROR]", "[msg] x", "[ {", "[WARN ] x", "[FATAL]\x00\xff", "[CRITICAL]] [x]", "[INFO] \x1b[1m[a]\x1b[0m x", "[INFO] {\"msg\":\"m\"}", "[WARN] [{\"a\":1}]"} {
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
	runLeanCases(t, []leanCase{
		{"closed", `ANALYTICS {"event_type":"closed_connection","timestamp":1770710403183,"connection":{"rx":1}}`, true, model.LevelInfo},
		{"failed", `ANALYTICS  {"connection":{"id":"a-1"},"event_type":"failed_to_connect"}`, true, model.LevelWarn},
		{"bad location text", `ANALYTICS {"event_type":"closed_connection","location":"{not json"}`, true, model.LevelInfo},
		{"coloured event type", "ANALYTICS {\"event_type\":\"\x1b[31mfailed_to_connect\x1b[0m\"}", true, model.LevelWarn},
		{"event type last wins", `ANALYTICS {"event_type":"failed_to_connect","event_type":{}}`, true, model.LevelInfo},
		{"no event type", `ANALYTICS {"timestamp":1}`, false, model.LevelNone},
		{"event type not a string", `ANALYTICS {"event_type":1}`, false, model.LevelNone},
		{"truncated", `ANALYTICS {"event_type":"closed_connection","conn`, false, model.LevelNone},
		{"data after the object", `ANALYTICS {"event_type":"closed_connection"} x`, false, model.LevelNone},
		{"no object", `ANALYTICS started`, false, model.LevelNone},
		{"service line", `[INFO] x`, false, model.LevelNone},
	}, AnalyticsResult, checkAnalyticsResult)
}

// FuzzAnalyticsResult: whatever AnalyticsResult claims, Parse reads the same
// way.
func FuzzAnalyticsResult(f *testing.F) {
	for _, s := range []string{
		`ANALYTICS {"event_type":"closed_connection","timestamp":1770710403183}`,
		`ANALYTICS {"event_type":"failed_to_connect","timestamp":"2026-02-10T08:00:00Z","relays":[{"ip":"1.2.3.4"}]}`,
		`ANALYTICS {"connection":"x","event_type":"denied","location":"{\"geoip\":{}}"}`,
		`ANALYTICS {"event_type":"a","timestamp":-1e999}`,
		`ANALYTICS {"event_type":"closed_connection","timestamp":"9999-12-31T23:59:59Z"}`,
		`ANALYTICS {"event_type":"closed_connection","timestamp":0}`,
		"ANALYTICS {\"event_type\":\"\x1b[31mdenied\x1b[0m\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		checkAnalyticsResult(t, p)
	})
}

// checkStampedTextResult fails unless StampedTextResult agrees with Parse on
// p: when it claims the line, Parse gives one text result with the same
// level, time and locality, no error and at least one field.
func checkStampedTextResult(t *testing.T, p []byte) (claimed bool) {
	t.Helper()
	lean, ok := StampedTextResult(p)
	if !ok {
		return false
	}
	full := Parse(p, nil)
	if len(full) != 1 || full[0].Kind != lean.Kind {
		t.Fatalf("%q: StampedTextResult claimed a %v line, Parse gave %+v", p, lean.Kind, full)
	}
	r := full[0]
	if r.Level != lean.Level || !r.Time.Equal(lean.Time) || r.Local != lean.Local || r.Err != "" || len(r.Fields) == 0 || lean.Fields != nil {
		t.Fatalf("%q: Parse gave %v/%v/local %v err %q fields %d; StampedTextResult %v/%v/local %v fields %d",
			p, r.Level, r.Time, r.Local, r.Err, len(r.Fields), lean.Level, lean.Time, lean.Local, len(lean.Fields))
	}
	return true
}

func TestStampedTextResult(t *testing.T) {
	runLeanCases(t, []leanCase{
		{"zerolog console", "2026-08-18T10:19:03Z INF Starting tunnel", true, model.LevelInfo},
		{"bracketed level", "2026-12-05T07:53:02.390441Z [INFO] [soak] seq=0 accepted", true, model.LevelInfo},
		{"a connector's line after a millisecond stamp", "2026-12-04T10:00:02.456Z [ERROR] [libsdwan] listen::channel_event: x", true, model.LevelError},
		{"an event after a stamp", `2026-12-04T10:00:01.123Z ANALYTICS {"event_type": "failed_to_connect", "timestamp": 1796378400763}`, true, model.LevelWarn},
		{"pangolin server", "2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: x", true, model.LevelWarn},
		{"python", "2025-09-23 10:05:32,524 - relay - ERROR - lost", true, model.LevelError},
		{"logcat", "2024-02-04 11:01:16.461523871  1632  1632 E ProcessState: x", true, model.LevelError},
		{"go time.String", "2022-03-24 12:28:45.15434599 +0100 CET something", true, model.LevelNone},
		{"spring boot", "2026-03-01 12:00:00.000  INFO 4242 --- [main] o.s.b.App : Started", true, model.LevelInfo},
		{"a coloured connector's line after a stamp", "2026-12-06 01:00:01 \x1b[31m[ERROR]\x1b[0m [connector] relay down", true, model.LevelError},
		{"a coloured level word", "2026-08-18T10:19:03Z \x1b[31mERR\x1b[0m relay down", true, model.LevelError},
		{"a JSON document after a stamp", `2026-12-05T10:00:20.000Z {"level":"error","msg":"m"}`, false, model.LevelNone},
		{"text in braces after a stamp", "2026-12-05T10:00:20.000Z {user} logged in", false, model.LevelNone},
		{"a JSON document after a level word", `2026-12-05T10:00:20.000Z INFO {"msg":"tunnel up"}`, false, model.LevelNone},
		{"a JSON document after a level token", `2026-12-05T10:00:20Z [warn]: {"msg":"m"}`, false, model.LevelNone},
		{"text in braces after a level word", "2026-12-05T10:00:20Z INFO {user} logged in", false, model.LevelNone},
		{"a number", "42 relays lost", false, model.LevelNone},
		{"year one", "0001-01-01T00:00:00Z INF year one", false, model.LevelNone},
		{"time alone", "2026-08-18T10:19:03Z", false, model.LevelNone},
		{"empty", "", false, model.LevelNone},
	}, StampedTextResult, checkStampedTextResult)
}

// FuzzStampedTextResult: whatever StampedTextResult claims, Parse reads the
// same way.
func FuzzStampedTextResult(f *testing.F) {
	for _, s := range []string{"2026-08-18T10:19:03Z INF x", "2025-09-23 10:05:32,524 - a - WARNING - b", "2026-01-29T16:17:37+00:00 [warn]: x",
		"2022-03-24 12:28:45.15434599 +0100 CET x", "1 2", "2026-08-18T10:19:03Z {\"a\":1}", "2026-08-18T10:19:03Z\t[ERROR]\xff",
		"2026-12-04T10:00:02.456Z [INFO] [connector] x", `2026-12-04T10:00:01.123Z ANALYTICS {"event_type": "closed_connection"}`,
		"2026-12-06 01:00:01 \x1b[31m[ERROR]\x1b[0m [connector] x", "2026-12-05 10:00:20,123 [{\"level\":\"warn\"}]", "2026-12-06T01:00:01Z \x1b[1mANALYTICS\x1b[0m {\"event_type\": \"denied\"}",
		"2026-12-05T10:00:20.000Z INFO {\"msg\":\"m\"}", "2026-12-05 10:00:22 level=error msg=m", "2026-12-05T10:00:20Z [INFO] {\"msg\":\"m\"}", "2026-12-05 10:00:20 WARN {\"level\":\"warn\"} x", "2026-12-05T10:00:20Z [warn]: [{\"a\":1}]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		checkStampedTextResult(t, p)
	})
}
