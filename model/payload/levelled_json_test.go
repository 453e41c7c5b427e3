package payload

import (
	"testing"
	"time"

	"connlog/model"
)

// A JSON document after a level at the head of a payload, with no time of
// the line's own ("[INFO] {…}" behind Docker's or journald's time, "INFO
// {…}", "warn: {…}"), is a JSON entry at its own level or else the
// word's; one cut short keeps the fields before the break and says why,
// as an event cut short does. A service line with a module and text in
// braces keep the reading they had.
func TestJSONAfterALevelWithoutATime(t *testing.T) {
	cases := []struct {
		name  string
		line  string
		kind  model.Kind
		level model.Level
		key   string // a field the result must have
		err   bool
	}{
		{"a connector's level tag", `[INFO] {"msg":"tunnel up","site":"s1"}`, model.KindJSON, model.LevelInfo, "site", false},
		{"the document's level over the tag's", `[INFO] {"level":"error","msg":"m","site":"s1"}`, model.KindJSON, model.LevelError, "site", false},
		{"an upper-case word", `WARN {"msg":"slow","peer":"10.0.0.7"}`, model.KindJSON, model.LevelWarn, "peer", false},
		{"an abbreviated word", `ERR {"msg":"m","peer":"p"}`, model.KindJSON, model.LevelError, "peer", false},
		{"a lower-case word", `debug {"msg":"m","peer":"p"}`, model.KindJSON, model.LevelDebug, "peer", false},
		{"a word and a colon", `error: {"msg":"m","peer":"p"}`, model.KindJSON, model.LevelError, "peer", false},
		{"an array of documents", `[WARN] [{"msg":"a","peer":"p"}]`, model.KindJSON, model.LevelWarn, "peer", false},
		{"a service line with a module", `[INFO] [connector] {"a":1}`, model.KindService, model.LevelInfo, model.KeyModule, false},
		{"text in braces", `[INFO] {user} logged in`, model.KindService, model.LevelInfo, model.KeyMessage, false},
		{"a document cut short", `[ERROR] {"msg":"relay lost","peer":"10.0`, model.KindJSON, model.LevelError, model.KeyMessage, true},
		{"a word that is no level", `NOTE {"msg":"m"}`, model.KindText, model.LevelNone, model.KeyMessage, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rs := Parse([]byte(tc.line), nil)
			r := rs[0]
			if len(rs) != 1 || r.Kind != tc.kind || r.Level != tc.level || r.Fields.Value(tc.key) == "" || (r.Err != "") != tc.err {
				t.Fatalf("%d results: %v %v err %q, fields %v", len(rs), r.Kind, r.Level, r.Err, r.Fields)
			}
		})
	}
}

// A logfmt line after a time its program did not write is read as logfmt:
// its pairs are fields, its level the entry's, at its own time or else
// the stamp's. A stamped line with a level word keeps its reading.
func TestLogfmtAfterAStamp(t *testing.T) {
	stamp := time.Date(2026, 12, 5, 10, 0, 20, 0, time.UTC)
	own := time.Date(2026, 12, 5, 10, 0, 19, 0, time.UTC)
	cases := []struct {
		name  string
		line  string
		level model.Level
		at    time.Time
		key   string
		value string
	}{
		{"slog's text handler", `2026-12-05T10:00:20Z level=WARN msg="slow peer" peer=10.0.0.7`, model.LevelWarn, stamp, "peer", "10.0.0.7"},
		{"a local stamp", `2026-12-05 10:00:20 level=info msg=x site=s1`, model.LevelInfo, stamp, "site", "s1"},
		{"its own time first", `2026-12-05T10:00:20Z time=2026-12-05T10:00:19Z level=error msg=m`, model.LevelError, own, model.KeyMessage, "m"},
		{"a level word, then pairs", `2026-12-05T10:00:20Z INFO msg=x`, model.LevelInfo, stamp, model.KeyMessage, "msg=x"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rs := Parse([]byte(tc.line), nil)
			r := rs[0]
			if len(rs) != 1 || r.Level != tc.level || !r.Time.Equal(tc.at) || r.Fields.Value(tc.key) != tc.value || r.Err != "" {
				t.Fatalf("%d results: %v %v %v err %q, fields %v", len(rs), r.Kind, r.Level, r.Time, r.Err, r.Fields)
			}
		})
	}
}
