package payload

import (
	"testing"
	"time"

	"connlog/model"
)

// A connector's line behind a stamp of a precision no envelope takes for
// its own is that line: a service line with its module and function, an
// event with its fields, at the stamp's time unless it has its own.
func TestConnectorLineAfterAStamp(t *testing.T) {
	stamp := time.Date(2026, 12, 4, 10, 0, 2, 456e6, time.UTC)
	r := Parse([]byte("2026-12-04T10:00:02.456Z [ERROR] [libsdwan] [relay] relay_client::keepalive: lost"), nil)[0]
	if r.Kind != model.KindService || r.Level != model.LevelError || !r.Time.Equal(stamp) || r.Local ||
		r.Fields.Value(model.KeyModule) != "libsdwan/relay" || r.Fields.Value(model.KeyFunction) != "relay_client::keepalive" {
		t.Errorf("service line: %v %v %v local %v, fields %v", r.Kind, r.Level, r.Time, r.Local, r.Fields)
	}
	r = Parse([]byte(`2026-12-04T10:00:01.123Z ANALYTICS {"event_type": "failed_to_connect", "user": {"email": "alice@example.com"}}`), nil)[0]
	if r.Kind != model.KindAnalytics || r.Fields.Value(model.KeyUserEmail) != "alice@example.com" || !r.Time.Equal(stamp.Add(-1333*time.Millisecond)) {
		t.Errorf("event: %v %v, fields %v", r.Kind, r.Time, r.Fields)
	}
	own := Parse([]byte(`2026-12-04 10:00:01.123 ANALYTICS {"event_type": "closed_connection", "timestamp": 1796378400763}`), nil)[0]
	if own.Kind != model.KindAnalytics || !own.Time.Equal(time.UnixMilli(1796378400763)) {
		t.Errorf("an event with its own time: %v %v", own.Kind, own.Time)
	}
}

// A JSON document behind a program's own stamp, of any precision the
// stamped lines take, is read as it is behind `docker logs -t`'s: its
// level, message and fields, at the stamp's time unless it has its own.
// Text in braces stays the stamped text line it is.
func TestJSONAfterAStamp(t *testing.T) {
	at := func(frac int) time.Time { return time.Date(2026, 12, 5, 10, 0, 20, frac, time.UTC) }
	cases := []struct {
		name  string
		line  string
		time  time.Time
		local bool
	}{
		{"no fraction", `2026-12-05T10:00:20Z {"level":"error","msg":"m"}`, at(0), false},
		{"milliseconds", `2026-12-05T10:00:20.123Z {"level":"error","msg":"m"}`, at(123e6), false},
		{"microseconds", `2026-12-05T10:00:20.123456Z {"level":"error","msg":"m"}`, at(123456e3), false},
		{"an offset", `2026-12-05T11:00:20+01:00 {"level":"error","msg":"m"}`, at(0), false},
		{"local time, a comma", `2026-12-05 10:00:20,123 {"level":"error","msg":"m"}`, at(123e6), true},
		{"its own time", `2026-12-05T10:00:25.000Z {"time":"2026-12-05T10:00:20Z","level":"error","msg":"m"}`, at(0), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rs := Parse([]byte(tc.line), nil)
			r := rs[0]
			if len(rs) != 1 || r.Kind != model.KindJSON || r.Level != model.LevelError || r.Fields.Value(model.KeyMessage) != "m" ||
				!r.Time.Equal(tc.time) || r.Local != tc.local || r.Err != "" {
				t.Fatalf("%d results: %v %v %v local %v err %q, fields %v", len(rs), r.Kind, r.Level, r.Time, r.Local, r.Err, r.Fields)
			}
		})
	}
	r := Parse([]byte(`2026-12-05T10:00:20.000Z {user} logged in`), nil)[0]
	if r.Kind != model.KindText || r.Err != "" || !r.Time.Equal(at(0)) || r.Fields.Value(model.KeyMessage) != "{user} logged in" {
		t.Errorf("text in braces: %v %v err %q, fields %v", r.Kind, r.Time, r.Err, r.Fields)
	}
}

// A JSON document after a bracketed stamp or after a level word is read as
// it is after a plain stamp: its fields, its level when it has one, else
// the word's, at the stamp's time. A Python logger's name would be lost,
// so that line stays text; so does text in braces after a level.
func TestJSONAfterABracketedStampOrALevel(t *testing.T) {
	at := time.Date(2026, 12, 5, 10, 0, 20, 0, time.UTC)
	cases := []struct {
		name  string
		line  string
		kind  model.Kind
		level model.Level
		key   string // a field the result must have
		local bool
	}{
		{"a bracketed stamp", `[2026-12-05T10:00:20Z] {"level":"error","msg":"relay lost","peer":"10.0.0.7"}`, model.KindJSON, model.LevelError, "peer", false},
		{"a bracketed local stamp", `[2026-12-05 10:00:20] {"msg":"m","peer":"p"}`, model.KindJSON, model.LevelNone, "peer", true},
		{"a level word, no level in the JSON", `2026-12-05T10:00:20.000Z INFO {"msg":"tunnel up","site":"s1"}`, model.KindJSON, model.LevelInfo, "site", false},
		{"the JSON's level over the word's", `2026-12-05 10:00:20 WARN {"level":"error","msg":"slow"}`, model.KindJSON, model.LevelError, model.KeyMessage, true},
		{"a bracketed level token", `2026-12-05T10:00:20Z [warn]: {"msg":"m","site":"s1"}`, model.KindJSON, model.LevelWarn, "site", false},
		{"a level word after a bracketed stamp", `[2026-12-05T10:00:20Z] ERROR {"msg":"m","site":"s1"}`, model.KindJSON, model.LevelError, "site", false},
		{"a Python logger's name", `2026-12-05 10:00:20,000 - root - WARNING - {"site":"s1"}`, model.KindText, model.LevelWarn, model.KeyModule, true},
		{"text in braces after a level", `2026-12-05T10:00:20Z INFO {user} logged in`, model.KindText, model.LevelInfo, model.KeyMessage, false},
		{"text in brackets after a bracketed stamp", `[2026-12-05T10:00:20Z][WireGuard][debug] x`, model.KindText, model.LevelDebug, model.KeyMessage, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rs := Parse([]byte(tc.line), nil)
			r := rs[0]
			if len(rs) != 1 || r.Kind != tc.kind || r.Level != tc.level || r.Fields.Value(tc.key) == "" ||
				!r.Time.Equal(at) || r.Local != tc.local || r.Err != "" {
				t.Fatalf("%d results: %v %v %v local %v err %q, fields %v", len(rs), r.Kind, r.Level, r.Time, r.Local, r.Err, r.Fields)
			}
		})
	}
}
