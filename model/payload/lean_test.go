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
