package envelope

import (
	"strings"
	"testing"

	"connlog/model"
)

func TestDecodeDockerJSON(t *testing.T) {
	ts := utc(t, "2023-09-15T12:03:47.692712516Z")
	long := strings.Repeat("x", 16384)
	cases := []struct {
		name string
		line string
		want want
	}{
		{"service line on stdout",
			`{"log":"[INFO] [connector] State: Error\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`,
			want{ok: true, payload: "[INFO] [connector] State: Error", time: ts, stream: model.StreamStdout}},
		{"escaped quotes are resolved",
			`{"log":"[INFO] [connector] processing \"health\" request\n","stream":"stderr","time":"2023-09-15T12:03:47.692712516Z"}`,
			want{ok: true, payload: `[INFO] [connector] processing "health" request`, time: ts, stream: model.StreamStderr}},
		{"analytics line with nested escaped json",
			`{"log":"ANALYTICS {\"location\": \"{\\\"geoip\\\":{}}\"}\n","stream":"stderr","time":"2023-09-15T12:03:47.692712516Z"}`,
			want{ok: true, payload: `ANALYTICS {"location": "{\"geoip\":{}}"}`, time: ts, stream: model.StreamStderr}},
		{"16 KiB split: first part has no newline",
			`{"log":"` + long + `","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`,
			want{ok: true, payload: long, time: ts, stream: model.StreamStdout, partial: true}},
		{"escaped backslash before n is not a newline",
			`{"log":"C:\\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`,
			want{ok: true, payload: `C:\n`, time: ts, stream: model.StreamStdout, partial: true}},
		{"unicode escapes and surrogate pairs",
			`{"log":"\u00e9\ud83d\ude00\ud800x\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`,
			want{ok: true, payload: "é😀\uFFFDx", time: ts, stream: model.StreamStdout}},
		{"keys in another order with attrs",
			`{"stream":"stdout","attrs":{"tag":"connector","n":[1,{"a":"}"}]},"time":"2023-09-15T12:03:47.692712516Z","log":"OK\n"}`,
			want{ok: true, payload: "OK", time: ts, stream: model.StreamStdout}},
		{"empty log line", `{"log":"\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`,
			want{ok: true, payload: "", time: ts, stream: model.StreamStdout}},
		{"bad time keeps the payload", `{"log":"x\n","stream":"stdout","time":"yesterday"}`,
			want{ok: true, payload: "x", stream: model.StreamStdout}},
		{"missing log", `{"stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`, want{}},
		{"truncated record", `{"log":"[INFO] [connector] State: Err`, want{}},
		{"trailing garbage", `{"log":"x\n"} tail`, want{}},
		{"unknown escape", `{"log":"\q\n"}`, want{}},
		{"log is not a string", `{"log":42}`, want{}},
		{"not an object", `["log"]`, want{}},
		{"empty", ``, want{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(DockerJSON, []byte(tc.line), Context{})
			check(t, got, ok, tc.want)
		})
	}
}

func TestDockerJSONPayloadAliasesWhenPossible(t *testing.T) {
	line := []byte(`{"log":"[DEBUG] [libsdwan] resetting configuration\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`)
	env, buf, ok := DecodeAppend(DockerJSON, line, Context{}, make([]byte, 0, 64))
	if !ok {
		t.Fatal("record did not decode")
	}
	if len(buf) != 0 {
		t.Errorf("buffer used for a payload that needs no unescaping: %q", buf)
	}
	if &env.Payload[0] != &line[8] {
		t.Error("payload does not alias the line")
	}
}

func TestDecodeAppendDoesNotGrowABigEnoughBuffer(t *testing.T) {
	line := []byte(`{"log":"a\"b\\c\u00e9\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`)
	buf := make([]byte, 3, 3+len(line))
	env, out, ok := DecodeAppend(DockerJSON, line, Context{}, buf)
	if !ok || string(env.Payload) != `a"b\cé` {
		t.Fatalf("payload = %q, ok = %v", env.Payload, ok)
	}
	if &out[:cap(out)][0] != &buf[:cap(buf)][0] {
		t.Error("buffer was reallocated")
	}
	if len(out) != 3+len(env.Payload) || cap(env.Payload) != len(env.Payload) {
		t.Errorf("len(out) = %d, cap(payload) = %d", len(out), cap(env.Payload))
	}
}
