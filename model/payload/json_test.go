package payload

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

func TestParseGenericJSON(t *testing.T) {
	runTable(t, []tableCase{
		{"tailscale config audit record", `{"eventTime":"2026-06-02T19:00:05.558444283Z","type":"CONFIG","eventGroupID":"egExample0000000000000000000000000001","origin":"NODE","actor":{"id":"uExample1CNTRL","type":"USER","loginName":"alice@example.com","displayName":"Alice Example"},"target":{"id":"nAuditTgt1CNTRL","name":"service-node.example.ts.net","type":"NODE","isEphemeral":true,"property":"ACL_TAGS"},"action":"UPDATE","old":"","new":["tag:grafana-pdc"]}`,
			want{kind: model.KindJSON, time: rfc(t, "2026-06-02T19:00:05.558444283Z"), fields: map[string]string{
				"type": "CONFIG", "actor.loginName": "alice@example.com", "target.isEphemeral": "true", "target.property": "ACL_TAGS",
				"action": "UPDATE", "old": "", "new": "tag:grafana-pdc"}}},
		{"slog", `{"time":"2026-02-10T14:21:37.512345+01:00","level":"INFO","msg":"tunnel up","site":"office","peers":3}`,
			want{kind: model.KindJSON, level: model.LevelInfo, time: rfc(t, "2026-02-10T13:21:37.512345Z"),
				fields: map[string]string{model.KeyMessage: "tunnel up", "site": "office", "level": "INFO"},
				nums:   map[string]float64{"peers": 3}, absent: []string{"msg"}}},
		{"zap epoch seconds", `{"level":"error","ts":1770733300.123456,"msg":"dial failed","error":"connection refused"}`,
			want{kind: model.KindJSON, level: model.LevelError, time: time.Unix(1770733300, 123456000).UTC(),
				fields: map[string]string{model.KeyMessage: "dial failed", "error": "connection refused"}}},
		{"pino numeric level, epoch ms", `{"level":30,"time":1770733301456,"pid":4120,"msg":"request completed","res":{"statusCode":200}}`,
			want{kind: model.KindJSON, level: model.LevelInfo, time: ms(1770733301456),
				nums: map[string]float64{"res.statusCode": 200, "pid": 4120}}},
		{"epoch microseconds", `{"timestamp":1770733301456789,"severity":"warning"}`,
			want{kind: model.KindJSON, level: model.LevelWarn, time: time.UnixMicro(1770733301456789).UTC()}},
		{"epoch nanoseconds as a string", `{"@timestamp":"1770733301456789123","lvl":"dbg"}`,
			want{kind: model.KindJSON, level: model.LevelDebug, time: time.Unix(0, 1770733301456789123).UTC()}},
		{"syslog number level", `{"level":3,"message":"m"}`, want{kind: model.KindJSON, level: model.LevelError,
			fields: map[string]string{model.KeyMessage: "m"}}},
		{"unknown level kept as a field", `{"level":"loud"}`, want{kind: model.KindJSON, fields: map[string]string{"level": "loud"}}},
		{"first message wins", `{"message":"a","msg":"b"}`, want{kind: model.KindJSON,
			fields: map[string]string{model.KeyMessage: "a", "msg": "b"}}},
		{"message not a string", `{"msg":{"text":"x"}}`, want{kind: model.KindJSON, fields: map[string]string{"msg.text": "x"},
			absent: []string{model.KeyMessage}}},
		{"nulls are absent", `{"a":null,"b":[null,1]}`, want{kind: model.KindJSON, absent: []string{"a"},
			all: map[string][]string{"b": {"1"}}}},
		{"arrays repeat their key", `{"tags":["a","b"],"hosts":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"m":[[1,2],[3]]}`,
			want{kind: model.KindJSON, all: map[string][]string{"tags": {"a", "b"}, "hosts.ip": {"10.0.0.1", "10.0.0.2"}, "m": {"1", "2", "3"}}}},
		{"wrongly typed time", `{"time":true,"msg":"x"}`, want{kind: model.KindJSON, fields: map[string]string{"time": "true"}}},
		{"empty object", `{}`, want{kind: model.KindJSON}},
		{"leading spaces", "  \t{\"msg\":\"x\"}", want{kind: model.KindJSON, fields: map[string]string{model.KeyMessage: "x"}}},
		{"nested arrays of scalars", `[["a",1],[true]]`, want{kind: model.KindJSON, all: map[string][]string{model.KeyMessage: {"a", "1", "true"}}}},
		// A bracket followed by a scalar reads like "[1] first item": text.
		{"flat array is text", `[1,"two",true]`, want{kind: model.KindText, fields: map[string]string{model.KeyMessage: `[1,"two",true]`}}},
		{"truncated keeps the members read", `{"level":"warn","msg":"half","extra":{"a":`, want{kind: model.KindJSON, level: model.LevelWarn,
			fields: map[string]string{model.KeyMessage: "half"}, errHas: "truncated"}},
		{"not JSON at all", `{not json}`, want{kind: model.KindText, fields: map[string]string{model.KeyMessage: "{not json}"},
			errHas: "invalid JSON at byte 2:"}}, // the n, counting from 1
		{"trailing garbage", `{"msg":"x"} and more`, want{kind: model.KindJSON, fields: map[string]string{model.KeyMessage: "x"},
			errHas: "after the JSON value"}},
	})
}

func TestParseGenericJSONBounds(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{`)
	for k := 0; k < 200; k++ {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + strconv.Itoa(k) + `":` + strconv.Itoa(k))
	}
	b.WriteString(`}`)
	r := parseOne(t, b.String())
	if len(r.Fields) != maxGenericFields || r.Err != "" || r.Kind != model.KindJSON {
		t.Errorf("wide object: %d fields, Err %q, kind %v; want %d fields, no error", len(r.Fields), r.Err, r.Kind, maxGenericFields)
	}
	if v := r.Fields.Value("k63"); v != "63" {
		t.Errorf("k63 = %q, want the 64th member kept", v)
	}

	deep := strings.Repeat(`{"a":`, 12) + `1` + strings.Repeat(`}`, 12)
	r = parseOne(t, `{"top":1,"d":`+deep+`}`)
	if r.Err != "" || r.Fields.Value("top") != "1" {
		t.Errorf("deep object: Err %q, top %q", r.Err, r.Fields.Value("top"))
	}
	for _, f := range r.Fields {
		if strings.Count(f.Key, ".") >= maxGenericDepth {
			t.Errorf("field %q is deeper than %d", f.Key, maxGenericDepth)
		}
	}
}
