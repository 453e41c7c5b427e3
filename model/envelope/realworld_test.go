package envelope

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// sortedJournalLine is journalLine as `jq -cS .` writes it: MESSAGE and the
// upper-case fields first, the "__" keys last. Its MESSAGE is long enough
// to push the "__" keys past the first journalKeyWindow bytes.
var sortedJournalLine = `{"MESSAGE":"ANALYTICS ` + strings.Repeat("x", 400) + `","PRIORITY":"6","SYSLOG_IDENTIFIER":"twingate-connector",` +
	`"_HOSTNAME":"ip-172-30-2-209","_PID":"369075","__CURSOR":"s=1;i=2","__MONOTONIC_TIMESTAMP":"1595485244","__REALTIME_TIMESTAMP":"1666176817571000"}`

func TestDetectRealWorld(t *testing.T) {
	cases := []struct {
		name string
		line string
		want Kind
	}{
		{"journal json with sorted keys (jq -cS)", sortedJournalLine, JournalJSON},
		{"journal json with the cursor in the middle", `{"MESSAGE":"` + strings.Repeat("y", 300) + `","__CURSOR":"s=1","X":"` + strings.Repeat("z", 300) + `"}`, JournalJSON},
		{"other JSON naming a journal key inside a string", `{"msg":"` + strings.Repeat("y", 300) + `\"__REALTIME_TIMESTAMP\""}`, Bare},
		{"zerolog console line, not syslog from host INF", "2026-08-18T10:19:03Z INF Starting tunnel tunnelID=dd3d43a3", Bare},
		{"zerolog console WRN with a colon word", "2024-01-24T21:46:28Z WRN Serve: tunnel error", Bare},
		{"Chinese month", "3月 24 15:50:32 hl kubelet[3752]: I0324 15:50:32.074030    3752 config.go:412] Receiving a new pod", Syslog},
		{"Korean month", "12월 01 08:00:01 host sshd[1]: Accepted", Syslog},
		{"Polish month", "lip 14 00:43:01 mk-Lenovo-G780 sqlservr[4657]: [159B blob data]", Syslog},
		{"French month", "mai 22 03:18:17 cos7-2.xcourmont.org elassandra[4216]: [34B blob data]", Syslog},
		{"German month", "Okt 03 09:33:07 host warp-svc[544333]: x", Syslog},
		{"legacy CRI-O line", "2016-10-06T00:17:09.669794202Z stdout The content of the log entry 1", CRI},
		{"lower-case word that is a month", "mai is not a stamp", Bare},
		{"Go standard log", "2024/01/11 21:45:32 logtail started", Bare},
		{"month 13", "13月 24 15:50:32 hl kubelet[3752]: x", Bare},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect([]byte(tc.line)); got != tc.want {
				t.Errorf("Detect = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestDecodeRealWorld(t *testing.T) {
	ctx := Context{Location: time.UTC, Reference: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)}
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	cases := []struct {
		name string
		kind Kind
		line string
		want want
	}{
		{"Chinese month, klog inside: level from klog, time from syslog", Syslog,
			"3月 24 15:50:32 hl kubelet[3752]: I0324 15:50:32.074030    3752 config.go:412] Receiving a new pod",
			want{ok: true, payload: "Receiving a new pod", time: at("2026-03-24T15:50:32Z"), host: "hl", ident: "kubelet", pid: 3752, level: model.LevelInfo}},
		{"zerolog line refused as syslog", Syslog, "2026-08-18T10:19:03Z INF Starting tunnel", want{}},
		{"newt relaying wireguard-go: the inner stamp is the time and leaves the message", Newt,
			"DEBUG: wireguard: 2025/04/29 17:43:59 Routine: decryption worker 2 - started",
			want{ok: true, payload: "Routine: decryption worker 2 - started", time: at("2025-04-29T17:43:59Z"), ident: "wireguard", level: model.LevelDebug}},
		{"the same in compose keeps the service name", Compose,
			"newt  | DEBUG: gerbil-wireguard: 2026/04/09 10:24:31 Interface up requested",
			want{ok: true, payload: "Interface up requested", time: at("2026-04-09T10:24:31Z"), ident: "newt", level: model.LevelDebug}},
		{"newt without a stamp after the subsystem", Newt, "DEBUG: wireguard: Routine: x",
			want{ok: true, payload: "wireguard: Routine: x", level: model.LevelDebug}},
		{"Go standard log, bare", Bare, "2026/05/10 10:21:53 logtail started",
			want{ok: true, payload: "logtail started", time: at("2026-05-10T10:21:53Z")}},
		{"Go standard log with microseconds", Bare, "2026/05/10 10:21:53.123456 logtail started",
			want{ok: true, payload: "logtail started", time: at("2026-05-10T10:21:53.123456Z")}},
		{"klog, bare: the year is inferred", Bare, "W1120 08:00:01.500000  1 reflector.go:424] watch ended",
			want{ok: true, payload: "watch ended", time: at("2026-11-20T08:00:01.5Z"), level: model.LevelWarn}},
		{"klog in json-file keeps the record's time", DockerJSON,
			`{"log":"E0324 03:42:44.755903       1 factory.go:519] boom\n","stream":"stderr","time":"2020-03-24T03:42:44.756021915Z"}`,
			want{ok: true, payload: "boom", time: at("2020-03-24T03:42:44.756021915Z"), stream: model.StreamStderr, level: model.LevelError}},
		{"a line that merely starts like klog stays whole", Bare, "I0324 is not a klog header",
			want{ok: true, payload: "I0324 is not a klog header"}},
		{"a Twingate line is untouched", Bare, "[INFO] [connector] State: Online",
			want{ok: true, payload: "[INFO] [connector] State: Online"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(tc.kind, []byte(tc.line), ctx)
			check(t, got, ok, tc.want)
		})
	}
}

func TestDoubtful(t *testing.T) {
	cri := []byte("2016-10-06T00:17:09.669794202Z stdout F [INFO] [connector] State: Online")
	for _, k := range []Kind{Syslog, DockerTS} {
		env, ok := Decode(k, cri, Context{})
		if !ok {
			continue // the envelope refuses the line outright: nothing to doubt
		}
		if !Doubtful(k, cri, &env) {
			t.Errorf("a CRI line read as %v is not doubted (payload %q, host %q)", k, env.Payload, env.Host)
		}
	}
	for _, tc := range []struct {
		k    Kind
		line string
		want bool
	}{
		{Syslog, "Nov 20 08:00:01 host sshd[1]: Accepted", false},
		{DockerTS, "2023-09-15T12:03:47.692712516Z [INFO] [connector] State: Online", false},
		{DockerTS, "2023-09-15T12:03:47.692712516Z", false},
		{DockerTS, "2026-08-18T10:19:03Z INF Starting tunnel", true},
	} {
		env, ok := Decode(tc.k, []byte(tc.line), Context{})
		if !ok || Doubtful(tc.k, []byte(tc.line), &env) != tc.want {
			t.Errorf("%v %q: decoded %v, doubted %v, want %v", tc.k, tc.line, ok, !tc.want, tc.want)
		}
	}
}
