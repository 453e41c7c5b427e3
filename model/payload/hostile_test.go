package payload

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// Log content is hostile: every payload yields at least one result, never
// panics, finishes quickly, and text keeps the bytes it was given.
func TestParseHostile(t *testing.T) {
	mib := 1 << 20
	cases := []struct {
		name     string
		payload  []byte
		kind     model.Kind
		errHas   string
		keepsRaw bool // text message holds the payload byte for byte
	}{
		{"invalid UTF-8 text", []byte("caf\xc3\x28 \xff\xfe ok"), model.KindText, "", true},
		{"NUL bytes in text", []byte("a\x00b\x00"), model.KindText, "", true},
		{"NUL in a service line", []byte("[INFO] [connector] a\x00b"), model.KindService, "", false},
		{"invalid UTF-8 in ANALYTICS", []byte("ANALYTICS {\"user\":{\"email\":\"\xff@x\"}}"), model.KindAnalytics, "", false},
		{"NUL after ANALYTICS JSON", []byte("ANALYTICS {\"event_type\":\"closed_connection\"}\x00"), model.KindAnalytics, "after the event object", false},
		{"1 MiB text", bytes.Repeat([]byte("x"), mib), model.KindText, "", true},
		{"1 MiB service line", append([]byte("[DEBUG] [libsdwan] "), bytes.Repeat([]byte("y"), mib)...), model.KindService, "", false},
		{"1 MiB of open brackets", bytes.Repeat([]byte("["), mib), model.KindText, "nesting deeper", true},
		{"1 MiB of open braces", append([]byte("{"), bytes.Repeat([]byte(`"a":{`), mib/5)...), model.KindText, "nesting deeper", true},
		{"depth bomb in ANALYTICS", []byte("ANALYTICS {\"x\":" + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "}"),
			model.KindText, "nesting deeper", true},
		{"deep but valid generic", []byte(`{"a":` + strings.Repeat("[", 9000) + strings.Repeat("]", 9000) + `}`), model.KindJSON, "", false},
		{"1 MiB string in JSON", []byte(`{"msg":"` + strings.Repeat("z", mib) + `"}`), model.KindJSON, "", false},
		{"1 MiB of escapes", []byte(`{"msg":"` + strings.Repeat(`\n`, mib/2) + `"}`), model.KindJSON, "", false},
		{"truncated ANALYTICS", []byte(`ANALYTICS {"connection": {"cbct_freshness": -97, "client_ip": "192.0.2.0", "dura`), model.KindAnalytics, "truncated", false},
		{"truncated at a key", []byte(`{"log_type":"audit","created_at":"2026-03-04T09:15:02Z","host`), model.KindAudit, "truncated", false},
		{"truncated flow", []byte(`{"nodeId":"n","virtualTraffic":[{"proto":6,"src":"1.2.3.4:5"`), model.KindFlow, "truncated", false},
		{"only a brace", []byte(`{`), model.KindText, "truncated", true},
		{"lone quote", []byte(`"`), model.KindText, "", true},
		{"control characters", []byte("\x1b]0;title\x07\x1b[2J red \u202e\x1b[31"), model.KindText, "", true},
		{"huge number", []byte(`{"connection":{"rx":1e999}}`), model.KindJSON, "", false},
		{"wrong types everywhere", []byte(`ANALYTICS {"event_type":7,"timestamp":"soon","connection":{"id":{"x":1},"rx":[1]},"relays":{"ip":3},"location":5}`),
			model.KindAnalytics, "", false},
		{"flow item not an object", []byte(`{"virtualTraffic":[1,"a",null,{"proto":"6"}]}`), model.KindFlow, "", false},
		{"CSV line of 1 MiB commas", bytes.Repeat([]byte(","), mib), model.KindText, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			rs := Parse(tc.payload, nil)
			if elapsed := time.Since(start); elapsed > 2*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if len(rs) == 0 {
				t.Fatal("no result")
			}
			r := rs[0]
			if r.Kind != tc.kind {
				t.Errorf("kind = %v, want %v (Err %q)", r.Kind, tc.kind, r.Err)
			}
			switch {
			case tc.errHas == "" && r.Err != "":
				t.Errorf("unexpected Err %q", r.Err)
			case tc.errHas != "" && !strings.Contains(r.Err, tc.errHas):
				t.Errorf("Err = %q, want it to contain %q", r.Err, tc.errHas)
			}
			if tc.keepsRaw && r.Fields.Value(model.KeyMessage) != string(tc.payload) {
				t.Errorf("text message does not hold the payload byte for byte")
			}
		})
	}
}

// Parse appends: what out already holds is left alone.
func TestParseAppends(t *testing.T) {
	out := []Result{{Kind: model.KindGap}}
	out = Parse([]byte(`[INFO] [connector] x`), out)
	out = Parse([]byte(`{"virtualTraffic":[{},{}]}`), out)
	if len(out) != 4 || out[0].Kind != model.KindGap || out[1].Kind != model.KindService ||
		out[2].Kind != model.KindFlow || out[3].Kind != model.KindFlow {
		t.Fatalf("got %+v", out)
	}
}

// Results never alias one another's fields: appending to one item's fields
// must not change the next item's.
func TestParseFlowFieldsDoNotAlias(t *testing.T) {
	rs := Parse([]byte(`{"nodeId":"n","virtualTraffic":[{"proto":6},{"proto":17}]}`), nil)
	if len(rs) != 2 {
		t.Fatalf("got %d results", len(rs))
	}
	before := rs[1].Fields.Value(model.KeyTraffic)
	rs[0].Fields = append(rs[0].Fields, model.Str("extra", "x"))
	if rs[1].Fields.Value(model.KeyTraffic) != before || len(rs[1].Fields) == 0 || rs[1].Fields[0].Key != model.KeyTraffic {
		t.Fatalf("appending to the first result changed the second: %+v", rs[1].Fields)
	}
}
